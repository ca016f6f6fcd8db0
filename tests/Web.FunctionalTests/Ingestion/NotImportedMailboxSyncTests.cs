using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using WorkSights.Domain.People;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;

namespace WorkSights.Web.FunctionalTests.Ingestion;

/// <summary>Guests and shared and room mailboxes are never imported: the whole first sync reads no mail nor calendar of theirs.</summary>
public sealed class NotImportedMailboxSyncTests : IAsyncLifetime
{
    private static readonly SandboxTenantInfo Fabrikam = SandboxTenants.Fabrikam;
    private readonly WorkSightsApp app = new() { ActivitySyncEnabled = true };
    private SignUpJourney? owner;

    public Task InitializeAsync() => app.InitializeAsync();

    public async Task DisposeAsync()
    {
        owner?.Dispose();
        await ((IAsyncLifetime)app).DisposeAsync();
    }

    [Fact]
    public async Task FirstSyncReadsEveryPersonsCalendarButOnlyThePurposeOfSharedAndRoomMailboxesAndNothingOfGuests()
    {
        var shared = app.Sandbox.Directory.AddUser(Fabrikam.TenantId, "Fabrikam Orders", mailboxPurpose: "shared");
        var room = app.Sandbox.Directory.AddUser(Fabrikam.TenantId, "Lake Room", mailboxPurpose: "room");
        var guest = app.Sandbox.Directory.AddUser(Fabrikam.TenantId, "Ravi Shah", guestMail: "ravi@contractor.example");
        owner = new SignUpJourney(app);

        await owner.SignUpAndConsentAsync(Fabrikam.AdminEmail);

        var people = await app.InWorkspaceAsync(Fabrikam.TenantId, db => db.People.Where(Person.IsImportable).Select(p => p.ExternalId).ToListAsync());
        await WaitForAsync(
            () => people.All(id => app.Sandbox.RequestLog.Entries.Any(e => e.PathAndQuery.Contains($"/users/{id}/calendarView", StringComparison.OrdinalIgnoreCase))),
            "every person's calendar read");
        var reasons = await app.InWorkspaceAsync(Fabrikam.TenantId, db => db.NotImportedIdentities.ToDictionaryAsync(i => i.ExternalId, i => i.Reason));
        Assert.Equal(NotImportedReason.SharedMailbox, reasons[shared.Id]);
        Assert.Equal(NotImportedReason.Room, reasons[room.Id]);
        Assert.Equal(NotImportedReason.Guest, reasons[guest.Id]);
        Assert.DoesNotContain(people, id => id == shared.Id || id == room.Id || id == guest.Id);
        foreach (var notAPerson in new[] { shared, room, guest })
        {
            var theirs = app.Sandbox.RequestLog.Entries.Where(e => e.PathAndQuery.Contains($"/users/{notAPerson.Id}", StringComparison.OrdinalIgnoreCase)).Select(e => e.PathAndQuery).ToList();
            Assert.All(theirs, path => Assert.EndsWith("/mailboxSettings/userPurpose", path, StringComparison.Ordinal));
            Assert.Equal(notAPerson == guest ? 0 : 1, theirs.Count);
        }
    }

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var started = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(started.Elapsed < TimeSpan.FromSeconds(90), $"No {what} within 90 s.");
            await Task.Delay(500);
        }
    }
}
