using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkSights.Application.Ingestion.Arrivals;
using WorkSights.Domain.Activities;
using WorkSights.Domain.People;
using WorkSights.Sandbox;
using WorkSights.Tests.Shared;
using static WorkSights.Web.FunctionalTests.Reporting.ActivityStreamAndMapTests;

namespace WorkSights.Web.FunctionalTests.Reporting;

/// <summary>The live stream's connections end after a while with their position, so that each reconnect passes the sign-in checks again.</summary>
public sealed partial class ActivityStreamReconnectTests : FunctionalTest
{
    public ActivityStreamReconnectTests()
        : base(new WorkSightsApp
        {
            Settings = new Dictionary<string, string> { ["ActivityStream:HeartbeatSeconds"] = "0.3", ["ActivityStream:MaxConnectionSeconds"] = "1" },
        })
    {
    }

    [Fact]
    public async Task StreamEndsWithItsPositionResumesFromItAndRefusesTheReconnectOfAPersonWhoseLoginAccessWasRemoved()
    {
        var owner = NewBrowser();
        await owner.SignUpAndConsentAsync(SandboxTenants.Fabrikam.AdminEmail);
        var member = await SignInWithRoleAsync(SandboxTenants.Fabrikam.TenantId, SandboxTenants.Fabrikam.MemberEmail, PersonRole.Member);
        var lena = await App.InWorkspaceAsync(SandboxTenants.Fabrikam.TenantId, db => db.People.AsNoTracking().SingleAsync(p => p.Email == SandboxTenants.Fabrikam.MemberEmail.ToLowerInvariant()));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        string position;
        using (var events = await OpenEventsAsync(member, null, timeout.Token))
        {
            var whole = await events.ReadToEndAsync(timeout.Token);
            Assert.Contains(": reconnect", whole, StringComparison.Ordinal);
            position = PositionPattern().Match(whole).Groups[1].Value;
            Assert.NotEmpty(position);
        }

        var missed = await StoreAsync(lena);
        using (var resumed = await OpenEventsAsync(member, position, timeout.Token))
        {
            await resumed.ReadUntilAsync("event: activities", timeout.Token);
            Assert.Contains(missed.ToString("N"), await resumed.ReadUntilAsync("data: ", timeout.Token), StringComparison.Ordinal);
        }

        await App.ChangePersonAsync(SandboxTenants.Fabrikam.TenantId, SandboxTenants.Fabrikam.MemberEmail, p => p.RevokeLoginAccess());
        using var refused = await SendEventsRequestAsync(member, position, timeout.Token);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }

    /// <summary>Stores an item as a sync page does and announces it, as the page writers do.</summary>
    private async Task<Guid> StoreAsync(Person person)
    {
        var syncedAt = DateTimeOffset.UtcNow;
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        var activity = Activity.Record(
            new ActivityRecord(person.TenantId, person.Id, ActivityKind.EmailSent, ActivitySource.Outlook, new DateTimeOffset(day.ToDateTime(new TimeOnly(13, 0)), TimeSpan.Zero), TimeSpan.FromMinutes(5), null, 1, false, $"live-{Guid.NewGuid()}"),
            syncedAt);
        await App.InWorkspaceAsync(SandboxTenants.Fabrikam.TenantId, async db =>
        {
            await db.SaveChangesWithAsync([activity], CancellationToken.None);
            return true;
        });
        App.Services.GetRequiredService<ActivityArrivals>().Announce(person.TenantId, [person.Id], syncedAt);
        return activity.Id;
    }

    [GeneratedRegex("id: (\\S+)")]
    private static partial Regex PositionPattern();
}
