using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Onboarding.CompleteSignIn;
using WorkSights.Application.UnitTests.Support;
using WorkSights.Domain.People;
using WorkSights.Domain.Tenants;
using WorkSights.Infrastructure.Tenancy;

namespace WorkSights.Application.UnitTests.Onboarding;

public sealed class CompleteSignInCommandHandlerTests : IDisposable
{
    private const string ExternalTenantId = "3f2b8c4e-1111-4a5b-9c6d-7e8f9a0b1c2d";
    private const string ObjectId = "9a8b7c6d-2222-4e5f-8a9b-0c1d2e3f4a5b";
    private const string OwnerId = "9a8b7c6d-3333-4e5f-8a9b-0c1d2e3f4a5b";

    private readonly TestDatabase database = new();
    private readonly FakeTenantAdministrators administrators = new();
    private readonly FakeConsentVerifier consent = NotConsented();
    private readonly FakeDirectoryReader directory = new();

    public void Dispose() => database.Dispose();

    private async Task<SignInOutcome> SignInAsync(SignInIntent intent, string objectId = ObjectId, string email = "ada@contoso.com", string tenantId = ExternalTenantId)
    {
        await using var scope = new RequestScope(database, directory, consent, administrators);
        return await scope.Mediator.Send(new CompleteSignInCommand(tenantId, objectId, email, "Ada Lovelace", intent));
    }

    [Fact]
    public async Task SignUpCreatesPendingConsentWorkspaceAndPendingSignUp()
    {
        var outcome = await SignInAsync(SignInIntent.SignUp, email: "Ada@Contoso.com", tenantId: ExternalTenantId.ToUpperInvariant());

        Assert.Equal(SignInResult.AwaitingConsent, outcome.Result);
        Assert.Equal("contoso.com", outcome.Domain);
        await using var db = database.CreateContext();
        var tenant = await db.Tenants.SingleAsync();
        Assert.Equal(outcome.TenantId, tenant.Id);
        Assert.Equal(TenantStatus.PendingConsent, tenant.Status);
        Assert.Equal(ExternalTenantId, tenant.ExternalTenantId);
        Assert.Equal("contoso.com", tenant.PrimaryDomain);
        var pending = await db.PendingSignUps.SingleAsync();
        Assert.Equal(ExternalTenantId, pending.ExternalTenantId);
        Assert.Equal(ObjectId, pending.ObjectId);
        Assert.Equal("ada@contoso.com", pending.Email);
        Assert.Equal(TestDatabase.Start, pending.SignedInAt);
        Assert.Null(database.TenantContext.TenantId);
    }

    [Fact]
    public async Task RepeatedSignUpKeepsOneWorkspaceAndOnePendingSignUp()
    {
        var first = await SignInAsync(SignInIntent.SignUp);
        database.Clock.Advance(TimeSpan.FromMinutes(10));

        var second = await SignInAsync(SignInIntent.SignUp, objectId: ObjectId.ToUpperInvariant());

        Assert.Equal(SignInResult.AwaitingConsent, second.Result);
        Assert.Equal(first.TenantId, second.TenantId);
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.Tenants.CountAsync());
        var pending = await db.PendingSignUps.SingleAsync();
        Assert.Equal(TestDatabase.Start.AddMinutes(10), pending.SignedInAt);
    }

    [Fact]
    public async Task SecondColleagueSigningUpJoinsTheSamePendingWorkspace()
    {
        var first = await SignInAsync(SignInIntent.SignUp);

        var second = await SignInAsync(SignInIntent.SignUp, objectId: "colleague", email: "bob@contoso.com");

        Assert.Equal(first.TenantId, second.TenantId);
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.Tenants.CountAsync());
        Assert.Equal(2, await db.PendingSignUps.CountAsync());
    }

    [Fact]
    public async Task LoginReturnsNoWorkspaceGivenUnknownOrganisation()
    {
        var outcome = await SignInAsync(SignInIntent.Login);

        Assert.Equal(SignInResult.NoWorkspace, outcome.Result);
        Assert.Equal("contoso.com", outcome.Domain);
        Assert.Null(outcome.TenantId);
        await using var db = database.CreateContext();
        Assert.Empty(db.Tenants);
        Assert.Empty(db.PendingSignUps);
    }

    [Fact]
    public async Task LoginReturnsNoWorkspaceGivenWorkspaceStillPendingConsent()
    {
        await database.AddTenantAsync(ExternalTenantId, "contoso.com", active: false);

        var outcome = await SignInAsync(SignInIntent.Login);

        Assert.Equal(SignInResult.NoWorkspace, outcome.Result);
    }

    [Fact]
    public async Task LoginReturnsWorkspaceReadyWithRoleGivenPersonWithLoginAccess()
    {
        var tenant = await database.AddTenantAsync(ExternalTenantId, "contoso.com");
        var person = await database.AddPersonAsync(tenant.Id, ObjectId, "ada@contoso.com", change: p => p.MakeOwner());

        var outcome = await SignInAsync(SignInIntent.Login, objectId: ObjectId.ToUpperInvariant());

        Assert.Equal(SignInResult.WorkspaceReady, outcome.Result);
        Assert.Equal(tenant.Id, outcome.TenantId);
        Assert.Equal(person.Id, outcome.PersonId);
        Assert.Equal(PersonRole.Owner, outcome.Role);
        Assert.Null(database.TenantContext.TenantId);
    }

    [Fact]
    public async Task SignUpReturnsWorkspaceReadyGivenActiveWorkspaceAndAccess()
    {
        var tenant = await database.AddTenantAsync(ExternalTenantId, "contoso.com");
        await database.AddPersonAsync(tenant.Id, ObjectId, "ada@contoso.com", change: p => p.GrantLoginAccess());

        var outcome = await SignInAsync(SignInIntent.SignUp);

        Assert.Equal(SignInResult.WorkspaceReady, outcome.Result);
        Assert.Equal(PersonRole.Member, outcome.Role);
        await using var db = database.CreateContext();
        Assert.Empty(db.PendingSignUps);
    }

    [Fact]
    public async Task LoginReturnsNoLoginAccessGivenImportedPersonWithoutAccess()
    {
        var tenant = await database.AddTenantAsync(ExternalTenantId, "contoso.com");
        await database.AddPersonAsync(tenant.Id, ObjectId, "ada@contoso.com");
        await database.AddPersonAsync(tenant.Id, OwnerId, "owner@contoso.com", change: p => p.MakeOwner());
        administrators.Administrators.Add(ObjectId);

        var outcome = await SignInAsync(SignInIntent.Login);

        Assert.Equal(SignInResult.NoLoginAccess, outcome.Result);
        Assert.Equal(tenant.Id, outcome.TenantId);
        Assert.Null(outcome.PersonId);
        Assert.Null(outcome.Role);
    }

    [Fact]
    public async Task LoginReturnsNoLoginAccessGivenPersonNotInDirectory()
    {
        await database.AddTenantAsync(ExternalTenantId, "contoso.com");

        var outcome = await SignInAsync(SignInIntent.Login, objectId: "stranger");

        Assert.Equal(SignInResult.NoLoginAccess, outcome.Result);
    }

    [Fact]
    public async Task LoginReturnsNoLoginAccessGivenSameObjectIdOnlyInAnotherWorkspace()
    {
        await database.AddTenantAsync(ExternalTenantId, "contoso.com");
        var other = await database.AddTenantAsync("other-tenant", "fabrikam.com");
        await database.AddPersonAsync(other.Id, ObjectId, "ada@fabrikam.com", change: p => p.GrantLoginAccess());

        var outcome = await SignInAsync(SignInIntent.Login);

        Assert.Equal(SignInResult.NoLoginAccess, outcome.Result);
    }

    [Fact]
    public async Task LoginMakesProvenAdministratorOwnerGivenWorkspaceWithoutActiveOwner()
    {
        var tenant = await database.AddTenantAsync(ExternalTenantId, "contoso.com");
        await database.AddPersonAsync(tenant.Id, ObjectId, "ada@contoso.com");
        administrators.Administrators.Add(ObjectId);

        var outcome = await SignInAsync(SignInIntent.Login);

        Assert.Equal(SignInResult.WorkspaceReady, outcome.Result);
        Assert.Equal(PersonRole.Owner, outcome.Role);
        Assert.Equal(PersonRole.Owner, (await database.PeopleOfAsync(tenant.Id))[ObjectId].Role);
    }

    [Fact]
    public async Task LoginReturnsAwaitingAdministratorGivenWorkspaceWithoutOwnerAndPersonNotAnAdministrator()
    {
        var tenant = await database.AddTenantAsync(ExternalTenantId, "contoso.com");
        await database.AddPersonAsync(tenant.Id, ObjectId, "ada@contoso.com");

        var outcome = await SignInAsync(SignInIntent.Login);

        Assert.Equal(SignInResult.AwaitingAdministrator, outcome.Result);
        var ada = (await database.PeopleOfAsync(tenant.Id))[ObjectId];
        Assert.False(ada.HasLoginAccess);
        Assert.Equal(PersonRole.Member, ada.Role);
    }

    [Fact]
    public async Task LoginNeverAsksTheDirectoryGivenAnActiveOwner()
    {
        var tenant = await database.AddTenantAsync(ExternalTenantId, "contoso.com");
        await database.AddPersonAsync(tenant.Id, ObjectId, "ada@contoso.com");
        await database.AddPersonAsync(tenant.Id, OwnerId, "owner@contoso.com", change: p => p.MakeOwner());

        await SignInAsync(SignInIntent.Login);

        Assert.Empty(administrators.Asked);
    }

    [Fact]
    public async Task LoginSendsToConsentGivenRevokedWorkspaceWithoutActiveOwner()
    {
        var tenant = await database.AddTenantAsync(ExternalTenantId, "contoso.com");
        await database.AddPersonAsync(tenant.Id, ObjectId, "ada@contoso.com");
        await using (var db = database.CreateContext())
        {
            (await db.Tenants.SingleAsync()).RevokeConsent(database.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        var outcome = await SignInAsync(SignInIntent.Login);

        Assert.Equal(SignInResult.AwaitingConsent, outcome.Result);
        Assert.Empty(administrators.Asked);
    }

    [Fact]
    public async Task SignInActivatesAPendingWorkspaceGivenConsentGrantedOutsideWorkSights()
    {
        await SignInAsync(SignInIntent.SignUp);
        consent.Proof = new FakeConsentVerifier().Proof;
        directory.Returns(FakeDirectoryReader.Page("delta-1", FakeDirectoryReader.Member(ObjectId, "ada@contoso.com"), FakeDirectoryReader.Member(OwnerId, "owner@contoso.com")));

        var ada = await SignInAsync(SignInIntent.Login);
        administrators.Administrators.Add(OwnerId);
        var owner = await SignInAsync(SignInIntent.Login, objectId: OwnerId, email: "owner@contoso.com");

        Assert.Equal(SignInResult.AwaitingAdministrator, ada.Result);
        Assert.Equal((SignInResult.WorkspaceReady, PersonRole.Owner), (owner.Result, owner.Role));
        await using var db = database.CreateContext();
        Assert.Equal(TenantStatus.Active, (await db.Tenants.SingleAsync()).Status);
        Assert.True((await database.PeopleOfAsync(ada.TenantId!.Value))[ObjectId].HasLoginAccess);
    }

    private static FakeConsentVerifier NotConsented()
    {
        var verifier = new FakeConsentVerifier();
        verifier.GrantsNothing();
        return verifier;
    }
}
