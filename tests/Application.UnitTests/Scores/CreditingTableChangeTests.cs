using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Scores;
using WorkSights.Application.Scores.GetCreditingTable;
using WorkSights.Application.Scores.ResetCreditingTable;
using WorkSights.Application.Scores.SaveCreditingTable;
using WorkSights.Application.UnitTests.Support;
using WorkSights.Domain.Activities;
using WorkSights.Domain.People;
using WorkSights.Domain.Scores;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.UnitTests.Scores;

public sealed class CreditingTableChangeTests : IDisposable
{
    private static readonly SaveCreditingTableCommand Defaults = new(5, 1, 2, 3, 1, 10);

    private readonly TestDatabase database = new();
    private Tenant tenant = null!;
    private Person owner = null!;
    private Person member = null!;

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task GetReturnsTheDefaultsGivenAWorkspaceThatNeverChangedItsTable()
    {
        await SeedAsync();

        var table = await GetAsync();

        Assert.Equal(new CreditingTableDto(5, 1, 2, 3, 1, 10, "1:300,60,120,180,60,36000", IsDefault: true), table);
    }

    [Fact]
    public async Task SaveWritesNothingGivenTheTableInForce()
    {
        await SeedAsync();

        var first = await SaveAsync(Defaults);
        await SaveAsync(Defaults with { SentEmailMinutes = 10 });
        await DrainMarksAsync();
        var again = await SaveAsync(Defaults with { SentEmailMinutes = 10 });

        Assert.False(first.Changed);
        Assert.False(again.Changed);
        Assert.Equal(1, await InWorkspaceAsync(db => db.AuditEntries.CountAsync()));
        Assert.Equal(0, await InWorkspaceAsync(db => db.DirtyPersonDays.CountAsync()));
    }

    [Fact]
    public async Task SaveRecordsBeforeAndAfterAndMarksEveryDayOfEveryoneGivenAChange()
    {
        await SeedAsync();

        var saved = await SaveAsync(Defaults with { SentEmailMinutes = 10, MaximumScoredHours = 8 });

        Assert.True(saved.Changed);
        Assert.Equal("1:600,60,120,180,60,28800", saved.ModelVersion);
        var entry = await InWorkspaceAsync(db => db.AuditEntries.SingleAsync());
        Assert.Equal(("scoring.crediting.changed", "Crediting table", owner.Id), (entry.Action, entry.Subject, entry.ByPersonId));
        Assert.Equal("sent email 5 min, calendar response 1 min, chat message 2 min, file action 3 min, sign-in 1 min, longest scored item 10 h (model 1:300,60,120,180,60,36000)", entry.Before);
        Assert.Equal("sent email 10 min, calendar response 1 min, chat message 2 min, file action 3 min, sign-in 1 min, longest scored item 8 h (model 1:600,60,120,180,60,28800)", entry.After);
        Assert.Equal(database.Clock.GetUtcNow(), entry.At);

        var marks = await InWorkspaceAsync(db => db.DirtyPersonDays.Select(m => new { m.PersonId, m.Date }).ToListAsync());
        var today = DateOnly.FromDateTime(database.Clock.GetUtcNow().UtcDateTime);
        foreach (var person in new[] { owner, member })
        {
            var dates = marks.Where(m => m.PersonId == person.Id).Select(m => m.Date).ToHashSet();
            Assert.Contains(today.AddDays(-ScoredDays.HistoryDays), dates);
            Assert.Contains(today.AddDays(1), dates);
        }

        Assert.Contains(marks, m => m.PersonId == member.Id && m.Date == today.AddDays(-40)); // their item, before the history
        Assert.DoesNotContain(marks, m => m.PersonId == owner.Id && m.Date == today.AddDays(-40));

        var table = await GetAsync();
        Assert.Equal((10, 8, false), (table.SentEmailMinutes, table.MaximumScoredHours, table.IsDefault));
    }

    [Fact]
    public async Task ResetGoesBackToTheDefaultsAndIsRecordedGivenATunedTable()
    {
        await SeedAsync();
        await SaveAsync(Defaults with { ChatMessageMinutes = 4 });
        await DrainMarksAsync();

        var reset = await InWorkspaceAsync(db =>
            new ResetCreditingTableCommandHandler(db, database.TenantContext, new FakeCurrentUser(PersonRole.Owner, owner.Id), database.Clock)
                .Handle(new ResetCreditingTableCommand(), CancellationToken.None).AsTask());

        Assert.True(reset.Changed);
        Assert.Equal(CreditingTable.Default.ModelVersion, reset.ModelVersion);
        Assert.True((await GetAsync()).IsDefault);
        var entries = await InWorkspaceAsync(db => db.AuditEntries.OrderBy(e => e.At).ThenBy(e => e.After).ToListAsync());
        Assert.Contains(entries, e => e.Before!.Contains("chat message 4 min", StringComparison.Ordinal) && e.After!.Contains("chat message 2 min", StringComparison.Ordinal));
        Assert.NotEqual(0, await InWorkspaceAsync(db => db.DirtyPersonDays.CountAsync()));
    }

    [Fact]
    public async Task TableOfOneWorkspaceIsNotSeenByAnother()
    {
        await SeedAsync();
        await SaveAsync(Defaults with { FileActionMinutes = 9 });
        var other = await database.AddTenantAsync("3f2b8c4e-2222-4a5b-9c6d-7e8f9a0b1c2d", "fabrikam.com");

        using var scope = database.TenantContext.BeginScope(other.Id);
        await using var db = database.CreateContext();

        Assert.Equal(CreditingTable.Default, await WorkspaceCreditingTable.ReadAsync(db, CancellationToken.None));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(60, 10)]
    public void ValidatorAcceptsTheEdgesOfTheRanges(int minutes, int hours)
    {
        var command = new SaveCreditingTableCommand(minutes, minutes, minutes, minutes, minutes, hours);

        Assert.True(new SaveCreditingTableCommandValidator().Validate(command).IsValid);
    }

    [Theory]
    [InlineData(-1, 10, "SentEmailMinutes", "A sent email must be credited between 0 and 60 minutes.")]
    [InlineData(61, 10, "SentEmailMinutes", "A sent email must be credited between 0 and 60 minutes.")]
    [InlineData(5, 0, "MaximumScoredHours", "The longest scored item must be between 1 and 10 hours.")]
    [InlineData(5, 11, "MaximumScoredHours", "The longest scored item must be between 1 and 10 hours.")]
    public void ValidatorExplainsGivenAValueOutOfRange(int emailMinutes, int hours, string property, string message)
    {
        var result = new SaveCreditingTableCommandValidator().Validate(Defaults with { SentEmailMinutes = emailMinutes, MaximumScoredHours = hours });

        var error = Assert.Single(result.Errors);
        Assert.Equal((property, message), (error.PropertyName, error.ErrorMessage));
    }

    [Fact]
    public void ValidatorNamesEachKindGivenEveryFixedCreditOutOfRange()
    {
        var result = new SaveCreditingTableCommandValidator().Validate(new SaveCreditingTableCommand(61, 61, 61, 61, 61, 10));

        Assert.Equal(
            ["A calendar response", "A chat message", "A file action", "A sent email", "A sign-in"],
            result.Errors.Select(e => e.ErrorMessage[..e.ErrorMessage.IndexOf(" must", StringComparison.Ordinal)]).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(PersonRole.Executive)]
    [InlineData(PersonRole.Manager)]
    [InlineData(PersonRole.Member)]
    [InlineData(PersonRole.TechnicalAdmin)]
    [InlineData(null)]
    public async Task EveryCreditingRequestIsRefusedGivenSomeoneOtherThanAnOwner(PersonRole? role)
    {
        Assert.False(await AuthorizationProbe.ReachesHandlerAsync<SaveCreditingTableCommand, CreditingTableSaved>(role, Defaults));
        Assert.False(await AuthorizationProbe.ReachesHandlerAsync<ResetCreditingTableCommand, CreditingTableSaved>(role, new ResetCreditingTableCommand()));
        Assert.False(await AuthorizationProbe.ReachesHandlerAsync<GetCreditingTableQuery, CreditingTableDto>(role, new GetCreditingTableQuery()));
        Assert.True(await AuthorizationProbe.ReachesHandlerAsync<SaveCreditingTableCommand, CreditingTableSaved>(PersonRole.Owner, Defaults));
    }

    /// <summary>A workspace with an Owner and a Member; the Member has one item 40 days ago, before their history.</summary>
    private async Task SeedAsync()
    {
        tenant = await database.AddTenantAsync("3f2b8c4e-1111-4a5b-9c6d-7e8f9a0b1c2d", "contoso.com");
        owner = await database.AddPersonAsync(tenant.Id, "owner", "ada@contoso.com", change: p => p.AssignRole(PersonRole.Owner));
        member = await database.AddPersonAsync(tenant.Id, "member", "bob@contoso.com");
        var at = database.Clock.GetUtcNow().AddDays(-40);
        await InWorkspaceAsync(async db =>
        {
            db.Activities.Add(Activity.Record(
                new ActivityRecord(tenant.Id, member.Id, ActivityKind.EmailSent, ActivitySource.Outlook, at, CreditingRules.SentEmail, "Re: plan", 1, false, "mail-1"),
                at));
            await db.SaveChangesAsync();
            return 0;
        });
        await DrainMarksAsync();
    }

    private Task DrainMarksAsync() => InWorkspaceAsync(db => db.DirtyPersonDays.ExecuteDeleteAsync());

    private Task<CreditingTableSaved> SaveAsync(SaveCreditingTableCommand command) =>
        InWorkspaceAsync(db =>
            new SaveCreditingTableCommandHandler(db, database.TenantContext, new FakeCurrentUser(PersonRole.Owner, owner.Id), database.Clock)
                .Handle(command, CancellationToken.None).AsTask());

    private Task<CreditingTableDto> GetAsync() =>
        InWorkspaceAsync(db => new GetCreditingTableQueryHandler(db).Handle(new GetCreditingTableQuery(), CancellationToken.None).AsTask());

    private async Task<T> InWorkspaceAsync<T>(Func<Infrastructure.Persistence.ApplicationDbContext, Task<T>> work)
    {
        using var scope = database.TenantContext.BeginScope(tenant.Id);
        await using var db = database.CreateContext();
        return await work(db);
    }
}
