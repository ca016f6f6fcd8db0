using System.Globalization;
using System.Text;

namespace WorkSights.Sandbox;

/// <summary>Deterministic demo organisations (fixed seeds; no randomness at run time).</summary>
internal static class DirectorySeed
{
    private const string SkuE3 = "05e9a617-0261-4cee-bb44-138d3ef5d965";
    private const string SkuE5 = "06ebc4ee-1bb5-47dd-8120-11324bc54e06";
    private const string SkuBusinessPremium = "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46";
    private const string SkuBusinessStandard = "f245ecc8-75af-4f8e-b61f-27d8114de5f3";

    private static readonly string[] FirstNames =
    [
        "Aisha", "Ben", "Carla", "Dmitri", "Elena", "Farid", "Grace", "Hiro", "Ingrid", "Jonas", "Kavya", "Liam", "Mei", "Nikolai",
        "Olga", "Pedro", "Quinn", "Rosa", "Stefan", "Tara", "Umar", "Vera", "Wei", "Ximena", "Yusuf", "Zoe", "Anton", "Bianca",
        "Caleb", "Divya", "Emil", "Fatima", "Gareth", "Hannah", "Isaac", "Julia", "Kenji", "Laura", "Mateo", "Nadia", "Oscar",
        "Paula", "Rahul", "Sofia", "Thomas", "Ursula", "Victor", "Wanda", "Yara", "Zain", "Amelia", "Bruno", "Chloe", "Diego",
        "Eva", "Felix", "Greta", "Hugo", "Irene", "Jamal", "Katrin", "Lucas", "Maya", "Noah", "Ophelia", "Pavel", "Ruth", "Samir",
    ];

    private static readonly string[] LastNames =
    [
        "Andersen", "Baptiste", "Chen", "Dubois", "Eriksson", "Fernandes", "Gallagher", "Hoffmann", "Ibrahim", "Jansen", "Kowalski",
        "Larsen", "Moreau", "Nakamura", "Oyelaran", "Petrov", "Quintero", "Rossi", "Schmidt", "Tanaka", "Ueda", "Varga", "Wagner",
        "Xu", "Yilmaz", "Zimmermann", "Abbott", "Brennan", "Castillo", "Delgado", "Evans", "Fischer", "Gupta", "Haddad", "Ivanova",
        "Jovanovic", "Khan", "Lindgren", "Murphy", "Novak", "O'Brien", "Patel", "Reyes", "Sato", "Thornton", "Uddin", "Vasquez",
        "Whitfield", "Young", "Zhang", "Adeyemi", "Bauer", "Costa", "Dawson", "Ellis", "Fontaine", "Grant", "Holm", "Iyer", "Keller",
    ];

    private sealed record Office(string Location, string City, string Country, string UsageLocation, string Language, string PhonePrefix);

    private sealed record Department(string Name, string HeadTitle, string LeadTitle, string[] StaffTitles, int Size);

    private sealed record Special(string Given, string Surname, string Department, string Title, string? MailNickname, string[] Roles);

    internal sealed record TenantSeed(SandboxTenantInfo Info, IReadOnlyList<string> Domains, IReadOnlyList<SandboxUser> Users);

    internal static IReadOnlyList<TenantSeed> Build(int extraPeople = 0) => [BuildContoso(extraPeople), BuildFabrikam(), BuildNorthwind()];

    internal static string MailNickname(string given, string? surname)
    {
        var raw = surname is null ? given : $"{given}.{surname}";
        var normalized = raw.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder();
        foreach (var c in normalized)
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '.')
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }

    private static TenantSeed BuildContoso(int extraPeople)
    {
        var info = SandboxTenants.Contoso;
        Office[] offices =
        [
            new("Seattle HQ", "Seattle", "United States", "US", "en-US", "+1 206 555"),
            new("Seattle HQ", "Seattle", "United States", "US", "en-US", "+1 206 555"),
            new("London", "London", "United Kingdom", "GB", "en-GB", "+44 20 7946"),
            new("Berlin", "Berlin", "Germany", "DE", "de-DE", "+49 30 5550"),
            new("Toronto", "Toronto", "Canada", "CA", "en-CA", "+1 416 555"),
            new("Sydney", "Sydney", "Australia", "AU", "en-AU", "+61 2 5550"),
        ];
        Department[] departments =
        [
            new("Engineering", "VP of Engineering", "Engineering Manager", ["Software Engineer", "Senior Software Engineer", "QA Engineer", "DevOps Engineer", "Data Engineer", "Site Reliability Engineer"], 70),
            new("Sales", "VP of Sales", "Sales Manager", ["Account Executive", "Senior Account Executive", "Sales Development Representative"], 44),
            new("Marketing", "Head of Marketing", "Marketing Manager", ["Marketing Specialist", "Content Strategist", "Digital Marketing Analyst"], 18),
            new("Finance", "Chief Financial Officer", "Finance Manager", ["Financial Analyst", "Accountant", "Payroll Specialist"], 14),
            new("Human Resources", "Head of People", "HR Manager", ["HR Business Partner", "Recruiter", "People Operations Specialist"], 10),
            new("Operations", "Chief Operating Officer", "Operations Manager", ["Operations Analyst", "Facilities Coordinator", "IT Support Specialist"], 16),
            new("Customer Success", "Head of Customer Success", "Customer Success Manager", ["Support Engineer", "Customer Success Specialist", "Technical Account Manager"], 26),
            new("Legal", "General Counsel", "Legal Manager", ["Corporate Counsel", "Paralegal", "Compliance Officer"], 6),
            new("Product", "Chief Product Officer", "Group Product Manager", ["Product Manager", "Product Designer", "UX Researcher"], 20),
        ];
        Special[] specials =
        [
            new("Nora", "Lindqvist", "Operations", "IT Administrator", "admin", [SandboxTenants.GlobalAdministratorRoleId]),
            new("Tomás", "Ribeiro", "Operations", "Security Administrator", null, [SandboxTenants.PrivilegedRoleAdministratorRoleId]),
            new("Daniel", "Okafor", "Sales", "Account Executive", null, []),
        ];
        var builder = new OrgBuilder(info, new Random(20240611), offices, [SkuE3, SkuE3, SkuE3, SkuE5]);
        builder.BuildOrganisation(("Helena", "Marsh"), "Chief Executive Officer", departments, specials);

        // People at the lab use the second verified domain for mail and sign-in.
        var labIds = builder.Users.Where(u => u.Department == "Engineering" && u.DirectoryRoleIds.Count == 0 && u.JobTitle != "Engineering Manager" && u.JobTitle != "VP of Engineering").Take(5).Select(u => u.Id).ToHashSet();
        for (var i = 0; i < builder.Users.Count; i++)
        {
            var u = builder.Users[i];
            if (labIds.Contains(u.Id))
            {
                builder.Users[i] = u with { Mail = $"{u.MailNickname}@contoso-labs.com", UserPrincipalName = $"{u.MailNickname}@contoso-labs.com", OfficeLocation = "Contoso Labs, Redmond", City = "Redmond" };
            }
        }

        // An Application Administrator, who can consent to delegated permissions but not to Microsoft Graph's application
        // permissions; a manager, so that the people without activity are the same as without the role.
        var operationsManager = builder.Users.FindIndex(u => u.JobTitle == "Operations Manager");
        builder.Users[operationsManager] = builder.Users[operationsManager] with { DirectoryRoleIds = [SandboxTenants.ApplicationAdministratorRoleId] };

        AddExtraPeople(builder.Users, info, departments, extraPeople);

        (string Name, string Nick, string Domain)[] guests =
        [
            ("Jane Porter", "jane", "partner.com"),
            ("Luis Ortega", "luis.ortega", "adatum.com"),
            ("Akira Mori", "akira", "litware.com"),
            ("Sinead Walsh", "sinead.walsh", "tailspintoys.com"),
            ("Kofi Mensah", "kofi", "wingtiptoys.com"),
            ("Marta Novak", "marta.novak", "northwind-advisors.net"),
        ];
        foreach (var (name, nick, domain) in guests)
        {
            var parts = name.Split(' ');
            var ext = $"{nick}_{domain}#EXT#";
            builder.Users.Add(new SandboxUser
            {
                Id = SandboxDirectory.StableGuid($"{info.TenantId}:guest:{nick}@{domain}"),
                DisplayName = name,
                GivenName = parts[0],
                Surname = parts[1],
                Mail = $"{nick}@{domain}",
                UserPrincipalName = $"{ext}@{info.PrimaryDomain}",
                MailNickname = ext,
                UserType = "Guest",
                MailboxPurpose = null,
                CreatedDateTime = builder.NextCreated(),
            });
        }

        builder.Users.Add(new SandboxUser
        {
            Id = SandboxDirectory.StableGuid($"{info.TenantId}:shared:info"),
            DisplayName = "Contoso Info",
            Mail = "info@contoso.com",
            UserPrincipalName = "info@contoso.com",
            MailNickname = "info",
            AccountEnabled = false,
            MailboxPurpose = SandboxMailboxSettings.SharedPurpose,
            UsageLocation = "US",
            CreatedDateTime = builder.NextCreated(),
        });
        builder.Users.Add(new SandboxUser
        {
            Id = SandboxDirectory.StableGuid($"{info.TenantId}:service:svc-backup"),
            DisplayName = "Backup Service Account",
            Mail = "svc-backup@contoso.com",
            UserPrincipalName = "svc-backup@contoso.com",
            MailNickname = "svc-backup",
            AccountEnabled = true,
            CreatedDateTime = builder.NextCreated(),
        });

        // Room and equipment mailboxes as Exchange creates them: a user object with the account disabled and no license.
        (string Name, string Nick, string Purpose, string Office, string City, string Usage)[] resources =
        [
            ("Boardroom", "boardroom", SandboxMailboxSettings.RoomPurpose, "Seattle HQ", "Seattle", "US"),
            ("Thames Room", "thames.room", SandboxMailboxSettings.RoomPurpose, "London", "London", "GB"),
            ("Projector Cart", "projector.cart", SandboxMailboxSettings.EquipmentPurpose, "Seattle HQ", "Seattle", "US"),
        ];
        var resourceCreated = new DateTimeOffset(2019, 2, 4, 10, 0, 0, TimeSpan.Zero);
        foreach (var (name, nick, purpose, office, city, usage) in resources)
        {
            builder.Users.Add(new SandboxUser
            {
                Id = SandboxDirectory.StableGuid($"{info.TenantId}:{purpose}:{nick}"),
                DisplayName = name,
                Mail = $"{nick}@{info.PrimaryDomain}",
                UserPrincipalName = $"{nick}@{info.PrimaryDomain}",
                MailNickname = nick,
                AccountEnabled = false,
                MailboxPurpose = purpose,
                OfficeLocation = office,
                City = city,
                UsageLocation = usage,
                CreatedDateTime = resourceCreated,
            });
            resourceCreated = resourceCreated.AddDays(11);
        }

        return new TenantSeed(info, [info.PrimaryDomain, "contoso-labs.com"], builder.Users);
    }

    private static TenantSeed BuildFabrikam()
    {
        var info = SandboxTenants.Fabrikam;
        Office[] offices = [new("Chicago", "Chicago", "United States", "US", "en-US", "+1 312 555")];
        Department[] departments =
        [
            new("Engineering", "Head of Engineering", "Engineering Lead", ["Software Engineer"], 3),
            new("Sales", "Head of Sales", "Sales Lead", ["Account Executive"], 2),
            new("Operations", "Head of Operations", "Operations Lead", ["Operations Analyst"], 1),
        ];
        Special[] specials =
        [
            new("Marcus", "Reed", "Operations", "IT Manager", "admin", [SandboxTenants.GlobalAdministratorRoleId, SandboxTenants.ApplicationAdministratorRoleId]),
            new("Lena", "Fischer", "Sales", "Account Executive", null, []),
        ];
        var builder = new OrgBuilder(info, new Random(777), offices, [SkuBusinessPremium]);
        builder.BuildOrganisation(("Olivia", "Grant"), "Chief Executive Officer", departments, specials);
        return new TenantSeed(info, [info.PrimaryDomain], builder.Users);
    }

    private static TenantSeed BuildNorthwind()
    {
        var info = SandboxTenants.Northwind;
        Office[] offices =
        [
            new("Portland", "Portland", "United States", "US", "en-US", "+1 503 555"),
            new("Vancouver", "Vancouver", "Canada", "CA", "en-CA", "+1 604 555"),
        ];
        Department[] departments =
        [
            new("Sales", "Sales Director", "Sales Team Lead", ["Sales Representative", "Inside Sales Representative"], 6),
            new("Operations", "Operations Director", "Warehouse Lead", ["Logistics Coordinator", "Warehouse Associate"], 4),
            new("Finance", "Finance Director", "Finance Lead", ["Accountant"], 2),
            new("Customer Success", "Customer Service Director", "Support Lead", ["Customer Service Representative"], 1),
        ];
        Special[] specials =
        [
            new("Priya", "Natarajan", "Operations", "IT Lead", null, []),
            new("Sam", "Whitaker", "Sales", "Sales Representative", null, []),
        ];
        var builder = new OrgBuilder(info, new Random(31337), offices, [SkuBusinessStandard]);
        builder.BuildOrganisation(("Walter", "Brooks"), "Chief Executive Officer", departments, specials);
        return new TenantSeed(info, [info.PrimaryDomain], builder.Users);
    }

    /// <summary>Benchmark people: deterministic names, spread over the departments (a lead per 8) and seven offices.</summary>
    private static void AddExtraPeople(List<SandboxUser> users, SandboxTenantInfo info, Department[] departments, int count)
    {
        if (count <= 0)
        {
            return;
        }

        Office[] offices =
        [
            new("Seattle HQ", "Seattle", "United States", "US", "en-US", "+1 206 555"),
            new("London", "London", "United Kingdom", "GB", "en-GB", "+44 20 7946"),
            new("Berlin", "Berlin", "Germany", "DE", "de-DE", "+49 30 5550"),
            new("Toronto", "Toronto", "Canada", "CA", "en-CA", "+1 416 555"),
            new("Sydney", "Sydney", "Australia", "AU", "en-AU", "+61 2 5550"),
            new("New York", "New York", "United States", "US", "en-US", "+1 212 555"),
            new("Bangalore", "Bangalore", "India", "IN", "en-IN", "+91 80 5550"),
        ];
        var names = users.Select(u => u.DisplayName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var nicks = users.Select(u => u.MailNickname).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var leads = new Dictionary<string, string>(StringComparer.Ordinal);
        var created = new DateTimeOffset(2022, 1, 10, 9, 0, 0, TimeSpan.Zero);
        var cursor = 0;
        for (var i = 0; i < count; i++)
        {
            var dept = departments[i % departments.Length];
            var nth = i / departments.Length;
            var head = users.First(u => u.Department == dept.Name && u.JobTitle == dept.HeadTitle);
            string given;
            string surname;
            do
            {
                given = FirstNames[cursor % FirstNames.Length];
                surname = LastNames[(cursor / FirstNames.Length + cursor * 7) % LastNames.Length];
                cursor++;
            }
            while (!names.Add($"{given} {surname}") && cursor < FirstNames.Length * LastNames.Length * 4);

            var nick = MailNickname(given, surname);
            for (var n = 2; !nicks.Add(nick); n++)
            {
                nick = MailNickname(given, surname) + n.ToString(CultureInfo.InvariantCulture);
            }

            var isLead = nth % 8 == 0;
            var office = offices[i % offices.Length];
            var id = SandboxDirectory.StableGuid($"{info.TenantId}:extra:{i}");
            users.Add(new SandboxUser
            {
                Id = id,
                DisplayName = $"{given} {surname}",
                GivenName = given,
                Surname = surname,
                Mail = $"{nick}@{info.PrimaryDomain}",
                UserPrincipalName = $"{nick}@{info.PrimaryDomain}",
                MailNickname = nick,
                JobTitle = isLead ? dept.LeadTitle : dept.StaffTitles[nth % dept.StaffTitles.Length],
                Department = dept.Name,
                OfficeLocation = office.Location,
                City = office.City,
                Country = office.Country,
                UsageLocation = office.UsageLocation,
                PreferredLanguage = office.Language,
                BusinessPhones = [$"{office.PhonePrefix} {(1000 + (i % 9000)).ToString(CultureInfo.InvariantCulture)}"],
                ManagerId = isLead ? head.Id : leads[dept.Name],
                AssignedLicenseSkuIds = [SkuE3],
                CreatedDateTime = created.AddHours(i * 7),
            });
            if (isLead)
            {
                leads[dept.Name] = id;
            }
        }
    }

    private sealed class OrgBuilder(SandboxTenantInfo info, Random rng, Office[] offices, string[] skus)
    {
        private readonly HashSet<string> nicknames = new(StringComparer.OrdinalIgnoreCase) { "admin", "info", "svc-backup" };
        private readonly HashSet<string> names = new(StringComparer.OrdinalIgnoreCase);
        private int index;
        private DateTimeOffset created = new(2018, 3, 5, 9, 0, 0, TimeSpan.Zero);

        public List<SandboxUser> Users { get; } = [];

        public DateTimeOffset NextCreated()
        {
            created = created.AddHours(rng.Next(6, 24 * 9)).AddMinutes(rng.Next(0, 60));
            return created;
        }

        public void BuildOrganisation((string Given, string Surname) ceoName, string ceoTitle, Department[] departments, Special[] specials)
        {
            foreach (var s in specials)
            {
                names.Add($"{s.Given} {s.Surname}");
                if (s.MailNickname is null)
                {
                    nicknames.Add(MailNickname(s.Given, s.Surname));
                }
            }

            names.Add($"{ceoName.Given} {ceoName.Surname}");
            var ceo = AddPerson(ceoName.Given, ceoName.Surname, "Executive", ceoTitle, null, offices[0], null, [], SkuE5OrFirst());
            foreach (var dept in departments)
            {
                var (hg, hs) = NextName();
                var head = AddPerson(hg, hs, dept.Name, dept.HeadTitle, ceo.Id, offices[0], null, [], SkuE5OrFirst());
                foreach (var s in specials.Where(s => s.Department == dept.Name))
                {
                    AddPerson(s.Given, s.Surname, dept.Name, s.Title, head.Id, offices[0], s.MailNickname, s.Roles, skus[0]);
                }

                string? leadId = null;
                var teamSize = 8;
                for (var i = 0; i < dept.Size; i++)
                {
                    var office = offices[rng.Next(offices.Length)];
                    var (g, sn) = NextName();
                    if (i % teamSize == 0 && dept.Size > 4)
                    {
                        leadId = AddPerson(g, sn, dept.Name, dept.LeadTitle, head.Id, office, null, [], skus[rng.Next(skus.Length)]).Id;
                        continue;
                    }

                    var title = dept.StaffTitles[rng.Next(dept.StaffTitles.Length)];
                    AddPerson(g, sn, dept.Name, title, leadId ?? head.Id, office, null, [], skus[rng.Next(skus.Length)]);
                }
            }
        }

        private string SkuE5OrFirst() => skus.Contains(SkuE3) ? SkuE5 : skus[0];

        private (string Given, string Surname) NextName()
        {
            while (true)
            {
                var given = FirstNames[rng.Next(FirstNames.Length)];
                var surname = LastNames[rng.Next(LastNames.Length)];
                if (names.Add($"{given} {surname}"))
                {
                    return (given, surname);
                }
            }
        }

        private SandboxUser AddPerson(string given, string surname, string department, string title, string? managerId, Office office, string? nickOverride, string[] roles, string sku)
        {
            var nick = nickOverride ?? MailNickname(given, surname);
            if (nickOverride is null && !nicknames.Add(nick) && Users.Any(u => u.MailNickname == nick))
            {
                nick += (index + 2).ToString(CultureInfo.InvariantCulture);
            }

            var user = new SandboxUser
            {
                Id = SandboxDirectory.StableGuid($"{info.TenantId}:user:{index++}"),
                DisplayName = $"{given} {surname}",
                GivenName = given,
                Surname = surname,
                Mail = $"{nick}@{info.PrimaryDomain}",
                UserPrincipalName = $"{nick}@{info.PrimaryDomain}",
                MailNickname = nick,
                JobTitle = title,
                Department = department,
                OfficeLocation = office.Location,
                City = office.City,
                Country = office.Country,
                UsageLocation = office.UsageLocation,
                PreferredLanguage = office.Language,
                BusinessPhones = [$"{office.PhonePrefix} {rng.Next(1000, 9999).ToString(CultureInfo.InvariantCulture)}"],
                MobilePhone = rng.Next(4) == 0 ? $"{office.PhonePrefix} {rng.Next(1000, 9999).ToString(CultureInfo.InvariantCulture)}" : null,
                ManagerId = managerId,
                DirectoryRoleIds = roles,
                AssignedLicenseSkuIds = [sku],
                CreatedDateTime = NextCreated(),
            };
            Users.Add(user);
            return user;
        }
    }
}
