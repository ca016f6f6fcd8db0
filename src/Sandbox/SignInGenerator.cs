namespace WorkSights.Sandbox;

/// <summary>A place a sign-in can come from, with the network's address.</summary>
internal sealed record SignInPlace(string City, string State, string CountryOrRegion, double Latitude, double Longitude, string IpAddress);

/// <summary>One entry of the sign-in log.</summary>
internal sealed record GenSignIn(
    string Id,
    DateTimeOffset CreatedAt,
    WorkPerson Person,
    string AppId,
    string AppDisplayName,
    string ClientAppUsed,
    SignInPlace Place,
    int ErrorCode,
    string? FailureReason,
    string OperatingSystem,
    string Browser);

/// <summary>
/// Deterministic sign-ins of working people: a few each workday, mostly from their office city, some days from home (a
/// nearby town, another network) and a few from another office city while travelling; now and then a failure (wrong
/// password, MFA required) before the successful sign-in. About one in thirty comes from the person's virtual machine
/// in a cloud region, and, as Microsoft does, is located at the region's datacenter city.
/// </summary>
internal sealed class SignInGenerator(WorkGenerator work)
{
    private static readonly (string Name, string Id, string ClientApp)[] Apps =
    [
        ("Microsoft Teams", WorkGenerator.StableGuid("app:teams"), "Mobile Apps and Desktop clients"),
        ("Microsoft Outlook", WorkGenerator.StableGuid("app:outlook"), "Mobile Apps and Desktop clients"),
        ("Office 365 SharePoint Online", WorkGenerator.StableGuid("app:sharepoint"), "Browser"),
        ("OneDrive SyncEngine", WorkGenerator.StableGuid("app:onedrive"), "Mobile Apps and Desktop clients"),
        ("Microsoft Office 365 Portal", WorkGenerator.StableGuid("app:portal"), "Browser"),
    ];

    private static readonly Dictionary<string, (string State, string Home, double HomeLat, double HomeLon)> Regions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Seattle"] = ("Washington", "Bellevue", 47.6101, -122.2015),
        ["Redmond"] = ("Washington", "Kirkland", 47.6769, -122.2060),
        ["Portland"] = ("Oregon", "Beaverton", 45.4871, -122.8037),
        ["New York"] = ("New York", "Hoboken", 40.7440, -74.0324),
        ["Chicago"] = ("Illinois", "Evanston", 42.0451, -87.6877),
        ["Toronto"] = ("Ontario", "Mississauga", 43.5890, -79.6441),
        ["Vancouver"] = ("British Columbia", "Burnaby", 49.2488, -122.9805),
        ["London"] = ("England", "Croydon", 51.3762, -0.0982),
        ["Berlin"] = ("Berlin", "Potsdam", 52.3906, 13.0645),
        ["Bangalore"] = ("Karnataka", "Mysuru", 12.2958, 76.6394),
        ["Sydney"] = ("New South Wales", "Parramatta", -33.8150, 151.0011),
    };

    private static readonly string[] TravelCities = ["Seattle", "New York", "London", "Berlin", "Toronto", "Sydney"];

    /// <summary>
    /// Cloud regions by the city their datacenters are located at, with a /16 inside the provider's own address space
    /// (AS8075 Microsoft, AS16509 Amazon in the registries' data): Azure West Europe, North Europe, East US and West US 2;
    /// AWS us-east-1, eu-west-1 and eu-central-1.
    /// </summary>
    private static readonly (string City, string State, string Country, double Latitude, double Longitude, string Prefix)[] CloudRegions =
    [
        ("Amsterdam", "Noord-Holland", "NL", 52.3676, 4.9041, "13.81"),
        ("Dublin", "Dublin", "IE", 53.3498, -6.2603, "13.74"),
        ("Boydton", "Virginia", "US", 36.6676, -78.3875, "13.90"),
        ("Quincy", "Washington", "US", 47.2343, -119.8526, "13.66"),
        ("Ashburn", "Virginia", "US", 39.0438, -77.4874, "3.100"),
        ("Dublin", "Dublin", "IE", 53.3498, -6.2603, "3.248"),
        ("Frankfurt am Main", "Hesse", "DE", 50.1109, 8.6821, "3.64"),
    ];

    /// <summary>The share of sign-ins that come from a cloud virtual machine, in percent.</summary>
    public const int CloudSharePercent = 3;

    private readonly GeneratedDays<GenSignIn> cache = new(200_000);

    /// <summary>Sign-ins of the tenant created in [from, to] (inclusive bounds; callers filter), at or before <paramref name="now"/>.</summary>
    public List<GenSignIn> Logged(WorkRoster roster, DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        var result = new List<GenSignIn>();
        from = from < work.Floor ? work.Floor : from;
        to = to > now ? now : to;
        if (to < from)
        {
            return result;
        }

        foreach (var person in roster.Active)
        {
            for (var day = WorkGenerator.LocalDay(person.Zone, from); day <= WorkGenerator.LocalDay(person.Zone, to); day = day.AddDays(1))
            {
                result.AddRange(ForDay(roster, person, day).Where(s => s.CreatedAt >= from && s.CreatedAt <= to));
            }
        }

        return result;
    }

    public GenSignIn[] ForDay(WorkRoster roster, WorkPerson person, DateOnly day)
    {
        return cache.GetOrAdd(person.Id, day, () => Build(roster, person, day));
    }

    private GenSignIn[] Build(WorkRoster roster, WorkPerson p, DateOnly day)
    {
        if (!p.Active || WorkGenerator.Local(p.Zone, day, 0) < work.Floor)
        {
            return [];
        }

        var tenant = roster.Tenant.TenantId;
        var rng = new WorkRng($"signins:{tenant}:{p.Id}:{day.DayNumber}");
        var workday = !WorkGenerator.IsWeekend(day) && !WorkGenerator.OnVacation(p, day);
        var count = workday ? rng.Next(2, 6) : rng.Chance(0.1) ? 1 : 0;
        if (count == 0)
        {
            return [];
        }

        var place = !workday ? Home(p) : rng.Chance(0.04) ? Travel(p, rng, day) : rng.Chance(0.2) ? Home(p) : Office(p);
        var (start, length) = WorkGenerator.DayHours(p, day);
        var list = new List<GenSignIn>();
        for (var i = 0; i < count; i++)
        {
            var minute = i == 0 ? start - rng.Next(0, 20) : start + rng.Next(0, length);
            var at = WorkGenerator.Local(p.Zone, day, minute, rng.Next(0, 60));
            var app = i == 0 ? Apps[0] : rng.Pick(Apps);
            var key = $"{tenant}:{p.Id}:{day.DayNumber}:{i}";
            var from = WorkRng.Hash("cloud:" + key) % 100 < CloudSharePercent ? Cloud(p, key) : place;
            if (rng.Chance(0.04))
            {
                var (code, reason) = rng.Chance(0.5)
                    ? (50126, "Error validating credentials due to invalid username or password.")
                    : (50074, "Strong Authentication is required.");
                list.Add(Entry(key + ":failed", at.AddSeconds(-40), p, app, from, code, reason, rng));
            }

            list.Add(Entry(key, at, p, app, from, 0, null, rng));
        }

        return [.. list];
    }

    private static GenSignIn Entry(string key, DateTimeOffset at, WorkPerson p, (string Name, string Id, string ClientApp) app, SignInPlace place, int code, string? reason, WorkRng rng) =>
        new(WorkGenerator.StableGuid("signin:" + key), at, p, app.Id, app.Name, app.ClientApp, place, code, reason,
            rng.Chance(0.7) ? "Windows10" : "MacOs", app.ClientApp == "Browser" ? "Edge 120.0.0" : string.Empty);

    private static SignInPlace Office(WorkPerson p)
    {
        var region = RegionOf(p);
        return new SignInPlace(p.Profile.OfficeCity, region.State, p.Profile.CountryCode, p.Profile.Latitude, p.Profile.Longitude, $"203.0.113.{1 + (int)(WorkRng.Hash("office:" + p.Profile.OfficeCity) % 250)}");
    }

    private static SignInPlace Home(WorkPerson p)
    {
        var region = RegionOf(p);
        return new SignInPlace(region.Home, region.State, p.Profile.CountryCode, region.HomeLat, region.HomeLon, $"198.51.100.{1 + (int)(WorkRng.Hash("home:" + p.Id) % 250)}");
    }

    /// <summary>Each person keeps their virtual machine in one region; its address varies from sign-in to sign-in.</summary>
    private static SignInPlace Cloud(WorkPerson p, string key)
    {
        var region = CloudRegions[WorkRng.Hash("cloud-region:" + p.Id) % (ulong)CloudRegions.Length];
        var host = WorkRng.Hash("cloud-host:" + key);
        return new SignInPlace(region.City, region.State, region.Country, region.Latitude, region.Longitude, $"{region.Prefix}.{host % 256}.{1 + ((host >> 8) % 254)}");
    }

    private static (string State, string Home, double HomeLat, double HomeLon) RegionOf(WorkPerson p) =>
        Regions.TryGetValue(p.Profile.OfficeCity, out var region) ? region : Regions["Seattle"];

    private static SignInPlace Travel(WorkPerson p, WorkRng rng, DateOnly day)
    {
        var city = rng.Pick(TravelCities.Where(c => !string.Equals(c, p.Profile.OfficeCity, StringComparison.OrdinalIgnoreCase)).ToList());
        var (_, country, lat, lon) = WorkCities.Of(city);
        return new SignInPlace(city, Regions[city].State, country, lat, lon, $"192.0.2.{1 + (int)(WorkRng.Hash($"travel:{p.Id}:{day.DayNumber}") % 250)}");
    }
}
