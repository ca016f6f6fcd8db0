using System.Net;
using System.Net.Http.Json;

namespace WorkSights.Sandbox.Tests;

public sealed class MailboxSettingsTests(OutlookFixture fixture) : OutlookTestBase, IClassFixture<OutlookFixture>
{
    private static readonly string Fabrikam = SandboxTenants.Fabrikam.TenantId;

    private SandboxServer Server => fixture.Server;

    private IReadOnlyList<WorkPerson> People => Server.State.Directory.Roster(Contoso).Active;

    [Fact]
    public async Task ServesTheGeneratorsZoneAndWorkingHoursGivenMailboxSettingsRead()
    {
        var token = await TokenAsync(Server, fixture.App, Contoso);
        var person = People[0];

        var settings = await OkAsync(Server, $"v1.0/users/{person.Id}/mailboxSettings", token);

        Assert.EndsWith($"$metadata#users('{person.Id}')/mailboxSettings", settings.GetProperty("@odata.context").GetString());
        Assert.Equal(person.Profile.MailboxTimeZone, settings.GetProperty("timeZone").GetString());
        Assert.Equal(person.Profile.TimeZoneId, Iana(person));
        Assert.Equal("user", settings.GetProperty("userPurpose").GetString());
        Assert.Equal("disabled", settings.GetProperty("automaticRepliesSetting").GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(settings.GetProperty("language").GetProperty("locale").GetString()));
        var hours = settings.GetProperty("workingHours");
        Assert.Equal(["monday", "tuesday", "wednesday", "thursday", "friday"], hours.GetProperty("daysOfWeek").EnumerateArray().Select(d => d.GetString()));
        var start = TimeSpan.FromMinutes(person.Profile.UsualStartMinutes);
        Assert.Equal($"{start:hh\\:mm}:00.0000000", hours.GetProperty("startTime").GetString());
        Assert.Equal($"{start + TimeSpan.FromHours(9):hh\\:mm}:00.0000000", hours.GetProperty("endTime").GetString());
        Assert.Equal(person.Profile.MailboxTimeZone, hours.GetProperty("timeZone").GetProperty("name").GetString());
    }

    [Fact]
    public async Task ServesWorkingHoursAndTimeZoneAloneGivenTheirPaths()
    {
        var token = await TokenAsync(Server, fixture.App, Contoso);
        var person = People[1];

        var hours = await OkAsync(Server, $"v1.0/users/{person.User.UserPrincipalName}/mailboxSettings/workingHours", token);
        var zone = await OkAsync(Server, $"v1.0/users/{person.Id}/mailboxSettings/timeZone", token);

        Assert.EndsWith("/mailboxSettings/workingHours", hours.GetProperty("@odata.context").GetString());
        Assert.Equal(5, hours.GetProperty("daysOfWeek").GetArrayLength());
        Assert.Matches(@"^\d\d:\d\d:00\.0000000$", hours.GetProperty("startTime").GetString());
        Assert.EndsWith("/mailboxSettings/timeZone", zone.GetProperty("@odata.context").GetString());
        Assert.Equal(person.Profile.MailboxTimeZone, zone.GetProperty("value").GetString());
    }

    [Fact]
    public void NamesZonesBothTheWindowsAndTheIanaWayGivenTheSeededPeople()
    {
        var names = People.Select(p => p.Profile.MailboxTimeZone).ToList();

        Assert.Contains("Pacific Standard Time", names);
        Assert.Contains(names, n => n.Contains('/', StringComparison.Ordinal));
        Assert.Contains(names, n => n.EndsWith("Standard Time", StringComparison.Ordinal) && n != "Pacific Standard Time");
        Assert.All(People, p => Assert.Equal(p.Profile.TimeZoneId, Iana(p)));
    }

    [Fact]
    public async Task AnswersErrorAccessDeniedGivenATokenWithoutMailboxSettingsRead()
    {
        Server.Directory.GrantConsent(Contoso, fixture.App.ClientId, ["User.Read.All", "Mail.ReadBasic.All", "Calendars.ReadBasic.All"]);
        var token = await IssuedTokenAsync(Server, fixture.App, Contoso);

        Assert.Equal("ErrorAccessDenied", await ErrorCodeAsync(Server, $"v1.0/users/{People[0].Id}/mailboxSettings", token, HttpStatusCode.Forbidden));
        Assert.Equal("ErrorAccessDenied", await ErrorCodeAsync(Server, $"v1.0/users/{People[0].Id}/mailboxSettings/workingHours", token, HttpStatusCode.Forbidden));
    }

    [Fact]
    public async Task AnswersNotFoundGivenAnUnknownUserOrOneWithoutAMailbox()
    {
        var token = await TokenAsync(Server, fixture.App, Contoso);
        var guest = Server.Directory.GetUsers(Contoso).First(u => u.UserType == "Guest");

        Assert.Equal("ErrorItemNotFound", await ErrorCodeAsync(Server, $"v1.0/users/{Guid.NewGuid()}/mailboxSettings", token, HttpStatusCode.NotFound));
        Assert.Equal("MailboxNotEnabledForRESTAPI", await ErrorCodeAsync(Server, $"v1.0/users/{guest.Id}/mailboxSettings", token, HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task ServesEachMailboxsPurposeGivenAPersonASharedMailboxARoomAndEquipment()
    {
        var token = await TokenAsync(Server, fixture.App, Contoso);
        var users = Server.Directory.GetUsers(Contoso);
        string IdOf(string mail) => users.Single(u => u.Mail == mail).Id;

        var person = await OkAsync(Server, $"v1.0/users/{People[0].Id}/mailboxSettings/userPurpose", token);
        var shared = await OkAsync(Server, $"v1.0/users/{IdOf("info@contoso.com")}/mailboxSettings/userPurpose", token);
        var room = await OkAsync(Server, "v1.0/users/boardroom@contoso.com/mailboxSettings/userPurpose", token);
        var equipment = await OkAsync(Server, $"v1.0/users/{IdOf("projector.cart@contoso.com")}/mailboxSettings", token);

        Assert.EndsWith($"$metadata#users('{People[0].Id}')/mailboxSettings/userPurpose", person.GetProperty("@odata.context").GetString());
        Assert.Equal("user", person.GetProperty("value").GetString());
        Assert.Equal("shared", shared.GetProperty("value").GetString());
        Assert.Equal("room", room.GetProperty("value").GetString());
        Assert.Equal("equipment", equipment.GetProperty("userPurpose").GetString());
        Assert.Empty((await OkAsync(Server, "v1.0/users/boardroom@contoso.com/mailFolders/sentitems/messages/delta", token)).GetProperty("value").EnumerateArray());
    }

    [Fact]
    public async Task AddsASharedMailboxARoomAndAGuestAsExchangeDoesGivenTheControlFields()
    {
        var shared = Server.Directory.AddUser(Fabrikam, "Fabrikam Orders", mailboxPurpose: "shared");
        var guest = Server.Directory.AddUser(Fabrikam, "Ravi Shah", guestMail: "ravi@contractor.example");
        var token = await TokenAsync(Server, fixture.App, Fabrikam);

        Assert.Equal((false, 0, "shared"), (shared.AccountEnabled, shared.AssignedLicenseSkuIds.Count, shared.MailboxPurpose));
        Assert.Equal(("Guest", "ravi@contractor.example", null), (guest.UserType, guest.Mail, guest.MailboxPurpose));
        Assert.Contains("#EXT#@fabrikam.com", guest.UserPrincipalName, StringComparison.Ordinal);
        Assert.Equal("shared", (await OkAsync(Server, $"v1.0/users/{shared.Id}/mailboxSettings/userPurpose", token)).GetProperty("value").GetString());
        Assert.Equal("MailboxNotEnabledForRESTAPI", await ErrorCodeAsync(Server, $"v1.0/users/{guest.Id}/mailboxSettings/userPurpose", token, HttpStatusCode.NotFound));
        Assert.Throws<ArgumentException>(() => Server.Directory.AddUser(Fabrikam, "Odd Box", mailboxPurpose: "linked"));
    }

    [Fact]
    public async Task ConvertsAMembersMailboxAndBackGivenTheUpdateControlsMailboxPurpose()
    {
        using var client = new HttpClient { BaseAddress = Server.HttpBaseAddress };
        var member = Server.Directory.AddUser(Fabrikam, "Lars Convert", "Sales");
        var token = await TokenAsync(Server, fixture.App, Fabrikam);
        var before = Server.Directory.FindUser(Fabrikam, member.Id)!;

        using var converted = await client.PostAsJsonAsync($"sandbox/tenants/{Fabrikam}/users/{member.Id}/update", new { mailboxPurpose = "shared" });
        var shared = Server.Directory.FindUser(Fabrikam, member.Id)!;
        var purpose = (await OkAsync(Server, $"v1.0/users/{member.Id}/mailboxSettings/userPurpose", token)).GetProperty("value").GetString();
        using var back = await client.PostAsJsonAsync($"sandbox/tenants/{Fabrikam}/users/{member.Id}/update", new { mailboxPurpose = "user" });
        using var refused = await client.PostAsJsonAsync($"sandbox/tenants/{Fabrikam}/users/{member.Id}/update", new { mailboxPurpose = "linked" });

        Assert.Equal(HttpStatusCode.OK, converted.StatusCode);
        Assert.Equal(("shared", 0, true, "shared"), (shared.MailboxPurpose, shared.AssignedLicenseSkuIds.Count, shared.AccountEnabled, purpose));
        Assert.NotEmpty(before.AssignedLicenseSkuIds);
        var person = Server.Directory.FindUser(Fabrikam, member.Id)!;
        Assert.Equal(("user", before.AssignedLicenseSkuIds.Count), (person.MailboxPurpose, person.AssignedLicenseSkuIds.Count));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public void ListsMailboxSettingsReadWithItsGraphIdGivenTheRegistrationsPermissions()
    {
        var permission = Assert.Single(SandboxDirectory.RequestedPermissions, p => p.Value == "MailboxSettings.Read");

        Assert.Equal("40f97065-369a-49f4-947c-6a255697ae91", permission.Id);
    }

    /// <summary>The IANA zone a Windows name stands for in the person's country (as CLDR maps it), or the IANA name itself.</summary>
    private static string Iana(WorkPerson person) =>
        person.Profile.MailboxTimeZone.Contains('/', StringComparison.Ordinal)
            ? person.Profile.MailboxTimeZone
            : TimeZoneInfo.TryConvertWindowsIdToIanaId(person.Profile.MailboxTimeZone, person.Profile.CountryCode, out var iana) ? iana! : person.Profile.MailboxTimeZone;
}
