using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Ingestion;
using WorkSights.Application.Ingestion.SyncMailbox;
using WorkSights.Application.UnitTests.Support;
using WorkSights.Domain.Ingestion;
using WorkSights.Domain.People;
using static WorkSights.Application.UnitTests.Support.FakeMailboxReader;

namespace WorkSights.Application.UnitTests.Ingestion;

/// <summary>The mailbox sync reads exactly the people <see cref="Person.IsImportable"/> selects, which is also whom a run plans.</summary>
public sealed class SyncMailboxImportablePeopleTests : IDisposable
{
    private readonly TestDatabase database = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task MailboxIsReadExactlyForThePeopleIsImportableSelectsGivenEveryStatusAndProvisioningState()
    {
        var tenant = await database.AddTenantAsync("9e8d7c6b-0000-4a5b-9c6d-7e8f9a0b1c2d", "contoso.com");
        var now = database.Clock.GetUtcNow();
        Person[] people =
        [
            await database.AddPersonAsync(tenant.Id, "oid-new", "ann@contoso.com"),
            await database.AddPersonAsync(tenant.Id, "oid-matched", "bob@contoso.com", ProvisioningState.AlreadyLinked),
            await database.AddPersonAsync(tenant.Id, "oid-link", "carol@fabrikam.com", ProvisioningState.Link),
            await database.AddPersonAsync(tenant.Id, "oid-blocked", "scanner@contoso.com", ProvisioningState.Blocked),
            await database.AddPersonAsync(tenant.Id, "oid-inactive", "dan@contoso.com", change: p => p.SetActive(false, now)),
            await database.AddPersonAsync(tenant.Id, "oid-left", "erin@contoso.com", change: p => p.MarkRemovedFromDirectory(now)),
        ];
        List<string> importable;
        using (database.TenantContext.BeginScope(tenant.Id))
        {
            await using var db = database.CreateContext();
            db.ConnectedServices.Add(ConnectedService.For(tenant.Id, tenant.Provider));
            await db.SaveChangesAsync();
            importable = await db.People.Where(Person.IsImportable).Select(p => p.ExternalId).ToListAsync();
        }

        var read = new List<string>();
        foreach (var person in people)
        {
            var reader = new FakeMailboxReader().SentMail(Page<SentMail>(null, "delta-1"));
            await using var db = database.CreateContext();
            var result = await new SyncMailboxCommandHandler(db, database.TenantContext, reader, database.Clock)
                .Handle(new SyncMailboxCommand(tenant.Id, person.Id, ServiceFeature.Email), CancellationToken.None);
            Assert.Equal(reader.Calls.Count == 1 ? SyncOutcome.Completed : SyncOutcome.Skipped, result.Outcome);
            if (reader.Calls.Count == 1)
            {
                read.Add(person.ExternalId);
            }
        }

        Assert.Equal(["oid-link", "oid-matched", "oid-new"], read.Order());
        Assert.Equal(importable.Order(), read.Order());
    }
}
