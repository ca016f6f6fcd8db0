using WorkSights.Application.Directory.ImportDirectory;
using WorkSights.Application.Onboarding.CompleteAdminConsent;
using WorkSights.Application.Onboarding.ProvisionWorkspace;
using WorkSights.Infrastructure.Persistence;
using WorkSights.Infrastructure.Tenancy;

namespace WorkSights.Application.UnitTests.Support;

/// <summary>What one request's DI scope would hold: one DbContext shared by the real handlers a mediator reaches.</summary>
internal sealed class RequestScope : IAsyncDisposable
{
    public RequestScope(TestDatabase database, FakeDirectoryReader directory)
    {
        Db = database.CreateContext();
        Mediator = new FakeMediator();
        Mediator.Register(new ImportDirectoryCommandHandler(Db, database.TenantContext, directory, database.Clock));
        Mediator.Register(new ProvisionWorkspaceCommandHandler(Db, database.TenantContext, Mediator, ActivitySync, database.Clock));
        Mediator.Register(new CompleteAdminConsentCommandHandler(Db, Mediator, database.Clock));
    }

    public ApplicationDbContext Db { get; }

    public FakeMediator Mediator { get; }

    public RecordingSyncSignal ActivitySync { get; } = new();

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
