namespace WorkSights.Sandbox.Tests;

public sealed class WorkGeneratorTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 12, 12, 0, 0, TimeSpan.Zero);
    private static readonly string Contoso = SandboxTenants.Contoso.TenantId;

    private static (SandboxDirectory Directory, WorkRoster Roster, WorkGenerator Generator) Create(int extra = 0)
    {
        var directory = new SandboxDirectory(TimeProvider.System, extra);
        return (directory, directory.Roster(Contoso), new WorkGenerator(Start));
    }

    [Fact]
    public void Two_instances_and_any_order_of_days_give_the_same_items()
    {
        var (_, rosterA, a) = Create();
        var (_, rosterB, b) = Create();
        var people = rosterA.Active.Take(25).ToList();
        var days = Enumerable.Range(0, 20).Select(i => DateOnly.FromDateTime(Start.UtcDateTime).AddDays(-i)).ToList();
        var forward = people.SelectMany(p => days.SelectMany(d => a.MailForDay(rosterA, p, d))).Select(m => $"{m.Id}|{m.Subject}|{m.Sent:O}|{m.To.Length}").ToList();
        var backward = people.AsEnumerable().Reverse().SelectMany(p => days.AsEnumerable().Reverse().SelectMany(d => b.MailForDay(rosterB, rosterB.Find(p.Id)!, d)))
            .Select(m => $"{m.Id}|{m.Subject}|{m.Sent:O}|{m.To.Length}").ToList();
        Assert.NotEmpty(forward);
        Assert.Equal(forward.Order(StringComparer.Ordinal), backward.Order(StringComparer.Ordinal));

        var person = people[3];
        var calA = a.Calendar(rosterA, person, Start.AddDays(-29), Start.AddDays(7)).Select(m => m.ICalUId + m.Start.ToString("O")).ToList();
        var calB = b.Calendar(rosterB, rosterB.Find(person.Id)!, Start.AddDays(-29), Start.AddDays(7)).Select(m => m.ICalUId + m.Start.ToString("O")).ToList();
        Assert.NotEmpty(calA);
        Assert.Equal(calA, calB);
    }

    [Fact]
    public void Volumes_are_within_bounds_and_a_29_day_mailbox_is_generated_on_demand()
    {
        var (_, roster, gen) = Create();
        var today = DateOnly.FromDateTime(Start.UtcDateTime);
        foreach (var person in roster.Active)
        {
            for (var i = 1; i <= 29; i++)
            {
                var day = today.AddDays(-i);
                var count = gen.MailForDay(roster, person, day).Length;
                if (!WorkGenerator.IsWeekend(day) && !WorkGenerator.OnVacation(person, day))
                {
                    Assert.InRange(count, 5, 40);
                }
                else
                {
                    Assert.InRange(count, 0, 3);
                }
            }
        }

        var all = roster.Active.SelectMany(p => gen.MailForDay(roster, p, today.AddDays(-2))).ToList();
        Assert.Contains(all, m => m.IsDraft);
        Assert.Contains(all, m => m.Subject.StartsWith("Re: ", StringComparison.Ordinal));
        Assert.Contains(all, m => m.To.Concat(m.Cc).Any(r => !r.Address.EndsWith("contoso.com", StringComparison.Ordinal) && !r.Address.EndsWith("contoso-labs.com", StringComparison.Ordinal)));
        Assert.All(all, m => Assert.InRange(m.To.Length + m.Cc.Length, 1, 8));
        Assert.All(all, m => Assert.Matches("^<[0-9a-f-]{36}@contoso(-labs)?\\.com>$", m.InternetMessageId));
        Assert.Contains(all.GroupBy(m => m.ConversationId), g => g.Count() > 1);

        var fresh = new WorkGenerator(Start);
        var someone = roster.Active[10];
        fresh.Mail(roster, someone, Start.AddDays(-40), Start.AddDays(-39));
        var month = fresh.Mail(roster, someone, Start.AddDays(-29), Start);
        var calendar = fresh.Calendar(roster, someone, Start.AddDays(-29), Start);
        Assert.NotEmpty(month);
        Assert.NotEmpty(calendar);
        Assert.Empty(fresh.Mail(roster, someone, Start.AddDays(-90), Start.AddDays(-61)));
    }

    [Fact]
    public void Calendar_has_every_kind_of_event_and_shared_meetings_share_the_ical_uid()
    {
        var (_, roster, gen) = Create();
        var manager = roster.Active.First(p => p.Reports.Count >= 3 && p.ManagerId is not null);
        var events = gen.Calendar(roster, manager, Start.AddDays(-60), Start.AddDays(30));
        Assert.Contains(events, e => e.SeriesKey?.StartsWith("1on1:", StringComparison.Ordinal) == true && e.Organizer.Id == manager.Id);
        Assert.Contains(events, e => e.SeriesKey?.StartsWith("team:", StringComparison.Ordinal) == true);
        Assert.Contains(events, e => e.Everyone && (e.End - e.Start) == TimeSpan.FromHours(2));
        Assert.Contains(events, e => e.Subject == "Focus time" && e.Attendees.Length == 0);
        Assert.Contains(events, e => e.CancelledAt is not null && e.CancelledAt > e.Created);
        var everyone = roster.Active.SelectMany(p => gen.Calendar(roster, p, Start.AddDays(-60), Start.AddDays(30))).ToList();
        Assert.Contains(everyone, e => e.End - e.Start >= TimeSpan.FromHours(10));
        Assert.Contains(everyone, e => e.Attendees.Any(a => a.UserId is null && a.Type != "resource" && !a.Email.Address.StartsWith("everyone@", StringComparison.Ordinal)));
        Assert.Contains(everyone, e => e.DeletedAt is not null);

        var oneOnOne = events.First(e => e.SeriesKey?.StartsWith("1on1:", StringComparison.Ordinal) == true);
        var report = roster.Find(oneOnOne.Attendees[0].UserId!)!;
        Assert.Contains(gen.Calendar(roster, report, oneOnOne.Start, oneOnOne.End), e => e.ICalUId == oneOnOne.ICalUId);
    }

    [Fact]
    public void Profiles_use_the_office_time_zone_and_a_few_people_have_no_activity()
    {
        var (directory, roster, gen) = Create();
        Assert.Equal(3, directory.GetUsers(Contoso).Count(u => directory.GetWorkProfile(Contoso, u.Id) is { HasActivity: false }));
        var northwind = directory.Roster(SandboxTenants.Northwind.TenantId);
        Assert.Single(directory.GetUsers(SandboxTenants.Northwind.TenantId), u => directory.GetWorkProfile(SandboxTenants.Northwind.TenantId, u.Id) is { HasActivity: false });
        var london = directory.GetUsers(Contoso).First(u => u.City == "London" && u.UserType == "Member");
        var profile = directory.GetWorkProfile(Contoso, london.Id)!;
        Assert.Equal("Europe/London", profile.TimeZoneId);
        Assert.Equal("GB", profile.CountryCode);
        Assert.InRange(profile.Latitude, 51, 52);
        Assert.Null(directory.GetWorkProfile(Contoso, directory.GetUsers(Contoso).First(u => u.UserType == "Guest").Id));
        Assert.Null(directory.GetWorkProfile(Contoso, directory.GetUsers(Contoso).First(u => u.Mail == "info@contoso.com").Id));
        Assert.Null(directory.GetWorkProfile(Contoso, directory.GetUsers(Contoso).First(u => u.Mail == "svc-backup@contoso.com").Id));
        foreach (var idle in directory.GetUsers(Contoso).Where(u => directory.GetWorkProfile(Contoso, u.Id) is { HasActivity: false }))
        {
            var person = directory.FindWorker(Contoso, idle.Id)!;
            Assert.Empty(gen.Mail(roster, person, Start.AddDays(-60), Start));
            Assert.Empty(gen.Calendar(roster, person, Start.AddDays(-60), Start.AddDays(30)));
        }

        _ = northwind;
    }

    [Fact]
    public void Extra_people_make_a_thousand_person_tenant()
    {
        var (directory, roster, gen) = Create(760);
        var users = directory.GetUsers(Contoso);
        Assert.Equal(248 + 760, users.Count);
        Assert.Equal(users.Count, users.Select(u => u.Mail).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var extras = users.Where(u => u.City is "Bangalore" or "New York").ToList();
        Assert.NotEmpty(extras);
        Assert.All(extras, u => Assert.NotNull(u.ManagerId));
        Assert.Equal("Asia/Kolkata", directory.GetWorkProfile(Contoso, extras.First(u => u.City == "Bangalore").Id)!.TimeZoneId);
        Assert.NotEmpty(gen.Mail(roster, roster.Find(extras[0].Id)!, Start.AddDays(-7), Start));
    }
}
