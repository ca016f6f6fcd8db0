using WorkSights.Application.Directory.ImportDirectory;
using WorkSights.Application.Onboarding.CompleteAdminConsent;
using WorkSights.Application.Onboarding.CompleteSignIn;
using WorkSights.Application.Onboarding.EstablishFirstOwner;
using WorkSights.Application.Onboarding.ProvisionWorkspace;
using WorkSights.Application.Onboarding.RequestAdminConsent;
using WorkSights.Infrastructure.Persistence;

namespace WorkSights.Application.UnitTests.Support;

/// <summary>What one request's DI scope would hold: one DbContext shared by the real handlers a mediator reaches.</summary>
internal sealed class RequestScope : IAsyncDisposable
{
    public RequestScope(
        TestDatabase database,
        FakeDirectoryReader directory,
        FakeConsentVerifier? consent = null,
        FakeTenantAdministrators? administrators = null,
        FakeAdminConsentLinks? links = null)
    {
        Db = database.CreateContext();
        Mediator = new FakeMediator();
        consent ??= new FakeConsentVerifier();
        administrators ??= new FakeTenantAdministrators();
        Mediator.Register(new ImportDirectoryCommandHandler(Db, database.TenantContext, directory, new FakeMailboxSettingsReader(), database.Clock));
        Mediator.Register(new EstablishFirstOwnerCommandHandler(Db, database.TenantContext, administrators, CurrentUser, database.Clock));
        Mediator.Register(new ProvisionWorkspaceCommandHandler(Db, database.TenantContext, Mediator, ActivitySync, CurrentUser, database.Clock));
        Mediator.Register(new CompleteAdminConsentCommandHandler(Db, database.TenantContext, consent, administrators, ActivitySync, Mediator, CurrentUser, database.Clock));
        Mediator.Register(new CompleteSignInCommandHandler(Db, database.TenantContext, consent, Mediator, CurrentUser, database.Clock));
        Mediator.Register(new RequestAdminConsentCommandHandler(Db, database.TenantContext, administrators, links ?? new FakeAdminConsentLinks(), database.Clock));
    }

    public ApplicationDbContext Db { get; }

    public FakeMediator Mediator { get; }

    public RecordingSyncSignal ActivitySync { get; } = new();

    /// <summary>The browser that signs up: nobody of a workspace yet, from a documentation address.</summary>
    public FakeCurrentUser CurrentUser { get; } = new(null, null, "203.0.113.7");

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
