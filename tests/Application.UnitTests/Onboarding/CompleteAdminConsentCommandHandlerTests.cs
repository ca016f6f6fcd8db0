using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Onboarding.CompleteAdminConsent;
using WorkSights.Application.Onboarding.CompleteSignIn;
using WorkSights.Application.Onboarding.RequestAdminConsent;
using WorkSights.Application.UnitTests.Support;
using WorkSights.Domain.People;
using WorkSights.Domain.Tenants;
using WorkSights.Infrastructure.Tenancy;
using static WorkSights.Application.UnitTests.Support.FakeDirectoryReader;

namespace WorkSights.Application.UnitTests.Onboarding;

public sealed class CompleteAdminConsentCommandHandlerTests : IDisposable
{
    private const string ExternalTenantId = "3f2b8c4e-1111-4a5b-9c6d-7e8f9a0b1c2d";
    private const string OtherTenantId = "0e0e0e0e-3333-4a5b-9c6d-7e8f9a0b1c2d";
    private const string AdminId = "a0000000-0000-4000-8000-000000000001";
    private const string ColleagueId = "a0000000-0000-4000-8000-000000000002";
    private const string OtherId = "a0000000-0000-4000-8000-000000000003";

    private readonly TestDatabase database = new();
    private readonly FakeDirectoryReader directory = new();
    private readonly FakeAdminConsentLinks links = new();
    private readonly FakeConsentVerifier consent = new();
    private readonly FakeTenantAdministrators administrators = new(AdminId);

    public void Dispose() => database.Dispose();

    /// <summary>The admin and a colleague signed up; the admin asked for consent. Returns the state sent to the provider.</summary>
    private async Task<string> SignUpAndRequestConsentAsync()
    {
        await SignUpAsync(AdminId, "admin@contoso.com");
        await SignUpAsync(ColleagueId, "colleague@contoso.com");
        return await RequestConsentAsync(AdminId);
    }

    private async Task<string> RequestConsentAsync(string objectId)
    {
        await using var scope = Scope();
        await scope.Mediator.Send(new RequestAdminConsentCommand(ExternalTenantId, objectId));
        return links.LastState!;
    }

    /// <summary>Signs in; before the first consent, Microsoft shows no consent for the organisation.</summary>
    private async Task<SignInOutcome> SignUpAsync(string objectId, string email, SignInIntent intent = SignInIntent.SignUp)
    {
        var proof = consent.Proof;
        if (!await AnyWorkspaceActiveAsync())
        {
            consent.GrantsNothing();
        }

        try
        {
            await using var scope = Scope();
            return await scope.Mediator.Send(new CompleteSignInCommand(ExternalTenantId, objectId, email, email, intent));
        }
        finally
        {
            consent.Proof = proof;
        }
    }

    private async Task<bool> AnyWorkspaceActiveAsync()
    {
        await using var db = database.CreateContext();
        return await db.Tenants.AnyAsync(t => t.Status != TenantStatus.PendingConsent);
    }

    private RequestScope Scope() => new(database, directory, consent, administrators, links);

    private async Task<AdminConsentOutcome> AnswerAsync(
        string? state,
        string adminConsent = "True",
        string? answeringTenant = ExternalTenantId,
        string? error = null,
        string signedInTenant = ExternalTenantId,
        string signedInObject = AdminId)
    {
        await using var scope = Scope();
        return await scope.Mediator.Send(
            new CompleteAdminConsentCommand(signedInTenant, signedInObject, state, error is null ? adminConsent : null, answeringTenant, error, null, null));
    }

    private async Task<Tenant> TheTenantAsync()
    {
        await using var db = database.CreateContext();
        return await db.Tenants.AsNoTracking().SingleAsync();
    }

    private void DirectoryListsEveryone() => directory.Returns(Page(
        "delta-1",
        Member(AdminId, "admin@contoso.com"),
        Member(ColleagueId, "colleague@contoso.com"),
        Member(OtherId, "other@contoso.com")));

    [Fact]
    public async Task GrantedConsentActivatesWorkspaceAndMakesConsentingAdminOwner()
    {
        var state = await SignUpAndRequestConsentAsync();
        DirectoryListsEveryone();
        database.Clock.Advance(TimeSpan.FromMinutes(5));

        var outcome = await AnswerAsync(state);

        Assert.Equal(AdminConsentResult.Granted, outcome.Result);
        Assert.Equal(PersonRole.Owner, outcome.Role);
        var tenant = await TheTenantAsync();
        Assert.Equal(tenant.Id, outcome.TenantId);
        Assert.Equal(TenantStatus.Active, tenant.Status);
        Assert.Equal(TestDatabase.Start.AddMinutes(5), tenant.ConsentGrantedAt);
        Assert.Equal([(ExternalTenantId, (string?)null)], directory.Calls);

        var people = await database.PeopleOfAsync(tenant.Id);
        Assert.Equal(3, people.Count);
        var owner = people[AdminId];
        Assert.Equal(outcome.PersonId, owner.Id);
        Assert.Equal(PersonRole.Owner, owner.Role);
        Assert.True(owner.HasLoginAccess);
        Assert.True(people[ColleagueId].HasLoginAccess);
        Assert.Equal(PersonRole.Member, people[ColleagueId].Role);
        Assert.False(people[OtherId].HasLoginAccess);
        Assert.Equal(ProvisioningState.AlreadyLinked, people[AdminId].ProvisioningState);
        Assert.Equal(ProvisioningState.New, people[OtherId].ProvisioningState);
        Assert.Null(database.TenantContext.TenantId);
    }

    [Fact]
    public async Task GrantedConsentCompletesPendingSignUps()
    {
        var state = await SignUpAndRequestConsentAsync();
        DirectoryListsEveryone();

        await AnswerAsync(state);

        await using var db = database.CreateContext();
        Assert.All(await db.PendingSignUps.ToListAsync(), p => Assert.NotNull(p.CompletedAt));
    }

    [Fact]
    public async Task GrantedConsentLetsOwnerSignIn()
    {
        var state = await SignUpAndRequestConsentAsync();
        DirectoryListsEveryone();
        await AnswerAsync(state);

        var outcome = await SignUpAsync(AdminId, "admin@contoso.com", SignInIntent.Login);

        Assert.Equal(SignInResult.WorkspaceReady, outcome.Result);
        Assert.Equal(PersonRole.Owner, outcome.Role);
    }

    [Fact]
    public async Task GrantedConsentActivatesNobodyGivenAdminMissingFromDirectory()
    {
        var state = await SignUpAndRequestConsentAsync();
        directory.Returns(Page("delta-1", Member(OtherId, "other@contoso.com")));

        var outcome = await AnswerAsync(state);

        Assert.Equal(AdminConsentResult.AwaitingAdministrator, outcome.Result);
        Assert.Null(outcome.PersonId);
        Assert.All((await database.PeopleOfAsync(outcome.TenantId!.Value)).Values, p => Assert.False(p.HasLoginAccess));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task MissingStateIsRejectedAndWorkspaceStaysPending(string? state)
    {
        await SignUpAndRequestConsentAsync();

        var outcome = await AnswerAsync(state);

        Assert.Equal(AdminConsentResult.Rejected, outcome.Result);
        Assert.Equal(TenantStatus.PendingConsent, (await TheTenantAsync()).Status);
        Assert.Empty(directory.Calls);
    }

    [Fact]
    public async Task ForgedStateIsRejectedAndWorkspaceStaysPending()
    {
        var state = await SignUpAndRequestConsentAsync();

        var outcome = await AnswerAsync(state + "x");

        Assert.Equal(AdminConsentResult.Rejected, outcome.Result);
        Assert.Equal(TenantStatus.PendingConsent, (await TheTenantAsync()).Status);
        Assert.Empty(directory.Calls);
    }

    [Fact]
    public async Task OverlongStateIsRejected()
    {
        await SignUpAndRequestConsentAsync();

        var outcome = await AnswerAsync(new string('a', 257));

        Assert.Equal(AdminConsentResult.Rejected, outcome.Result);
    }

    [Fact]
    public async Task ReplayedStateIsRejectedAndWorkspaceStaysPending()
    {
        var state = await SignUpAndRequestConsentAsync();
        var declined = await AnswerAsync(state, error: "consent_required");

        var replayed = await AnswerAsync(state);

        Assert.Equal(AdminConsentResult.Declined, declined.Result);
        Assert.Equal(AdminConsentResult.Rejected, replayed.Result);
        Assert.Equal(TenantStatus.PendingConsent, (await TheTenantAsync()).Status);
        Assert.Empty(directory.Calls);
    }

    [Fact]
    public async Task ReplayAfterGrantIsRejectedWithoutSecondImport()
    {
        var state = await SignUpAndRequestConsentAsync();
        DirectoryListsEveryone();
        await AnswerAsync(state);

        var replayed = await AnswerAsync(state);

        Assert.Equal(AdminConsentResult.Rejected, replayed.Result);
        Assert.Single(directory.Calls);
    }

    [Fact]
    public async Task ExpiredStateIsRejectedAndWorkspaceStaysPending()
    {
        var state = await SignUpAndRequestConsentAsync();
        database.Clock.Advance(TimeSpan.FromMinutes(31));

        var outcome = await AnswerAsync(state);

        Assert.Equal(AdminConsentResult.Rejected, outcome.Result);
        Assert.Equal(TenantStatus.PendingConsent, (await TheTenantAsync()).Status);
    }

    [Fact]
    public async Task AnswerForOtherOrganisationIsRejectedAndWorkspaceStaysPending()
    {
        var state = await SignUpAndRequestConsentAsync();

        var outcome = await AnswerAsync(state, answeringTenant: OtherTenantId);

        Assert.Equal(AdminConsentResult.Rejected, outcome.Result);
        Assert.Equal(TenantStatus.PendingConsent, (await TheTenantAsync()).Status);
        Assert.Empty(directory.Calls);
    }

    [Fact]
    public async Task AnswerWithoutAnsweringTenantIsRejected()
    {
        var state = await SignUpAndRequestConsentAsync();

        var outcome = await AnswerAsync(state, answeringTenant: null);

        Assert.Equal(AdminConsentResult.Rejected, outcome.Result);
        Assert.Equal(TenantStatus.PendingConsent, (await TheTenantAsync()).Status);
    }

    [Fact]
    public async Task AnswerRedeemedByAnotherSignedInPersonIsRejected()
    {
        var state = await SignUpAndRequestConsentAsync();

        var outcome = await AnswerAsync(state, signedInObject: ColleagueId);

        Assert.Equal(AdminConsentResult.Rejected, outcome.Result);
        Assert.Equal(TenantStatus.PendingConsent, (await TheTenantAsync()).Status);
    }

    [Fact]
    public async Task AccessDeniedReturnsNotAnAdminAndMarksPendingSignUp()
    {
        var state = await SignUpAndRequestConsentAsync();
        database.Clock.Advance(TimeSpan.FromMinutes(2));

        var outcome = await AnswerAsync(state, error: "access_denied");

        Assert.Equal(AdminConsentResult.NotAnAdmin, outcome.Result);
        Assert.Equal(TenantStatus.PendingConsent, (await TheTenantAsync()).Status);
        await using var db = database.CreateContext();
        var pending = await db.PendingSignUps.ToDictionaryAsync(p => p.ObjectId);
        Assert.Equal(TestDatabase.Start.AddMinutes(2), pending[AdminId].NeedsAdministratorSince);
        Assert.Null(pending[ColleagueId].NeedsAdministratorSince);
    }

    [Theory]
    [InlineData("consent_required")]
    [InlineData("permission_denied")]
    public async Task DeclinedConsentReturnsDeclinedAndWorkspaceStaysPending(string error)
    {
        var state = await SignUpAndRequestConsentAsync();

        var outcome = await AnswerAsync(state, error: error);

        Assert.Equal(AdminConsentResult.Declined, outcome.Result);
        Assert.Equal(TenantStatus.PendingConsent, (await TheTenantAsync()).Status);
    }

    [Fact]
    public async Task UnconfirmedConsentReturnsProviderErrorAndWorkspaceStaysPending()
    {
        var state = await SignUpAndRequestConsentAsync();

        var outcome = await AnswerAsync(state, adminConsent: "False");

        Assert.Equal(AdminConsentResult.ProviderError, outcome.Result);
        Assert.Equal(TenantStatus.PendingConsent, (await TheTenantAsync()).Status);
    }

    [Fact]
    public async Task ProviderErrorNamesOnlyTheShortErrorCode()
    {
        var state = await SignUpAndRequestConsentAsync();
        await using var scope = Scope();

        var outcome = await scope.Mediator.Send(new CompleteAdminConsentCommand(
            ExternalTenantId, AdminId, state, null, null, "server_error", null, "AADSTS50000: secret internals follow"));

        Assert.Equal(AdminConsentResult.ProviderError, outcome.Result);
        Assert.Contains("(AADSTS50000)", outcome.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GrantedConsentReportsProviderErrorGivenDirectoryRefusesAccess()
    {
        var state = await SignUpAndRequestConsentAsync();
        directory.Throws(new ConsentRevokedException("AADSTS7000229"));

        var outcome = await AnswerAsync(state);

        Assert.Equal(AdminConsentResult.ProviderError, outcome.Result);
        Assert.Equal(TenantStatus.ConsentRevoked, (await TheTenantAsync()).Status);
        Assert.Single(directory.Calls);
    }

    [Fact]
    public async Task ForgedGrantChangesNothingGivenNoConsentAtTheProvider()
    {
        var state = await SignUpAndRequestConsentAsync();
        consent.GrantsNothing();
        DirectoryListsEveryone();

        var outcome = await AnswerAsync(state);

        Assert.Equal(AdminConsentResult.NotGranted, outcome.Result);
        Assert.Contains("nothing was changed", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(TenantStatus.PendingConsent, (await TheTenantAsync()).Status);
        Assert.Empty(directory.Calls);
        await using var db = database.CreateContext();
        Assert.All(await db.PendingSignUps.ToListAsync(), p => Assert.Null(p.CompletedAt));
    }

    [Fact]
    public async Task PartialGrantNamesTheMissingPermissionsAndActivatesNothing()
    {
        var state = await SignUpAndRequestConsentAsync();
        consent.GrantsOnlyUsers();

        var outcome = await AnswerAsync(state);

        Assert.Equal(AdminConsentResult.NotGranted, outcome.Result);
        Assert.Contains("read mail metadata (Mail.ReadBasic.All)", outcome.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("User.Read.All", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(TenantStatus.PendingConsent, (await TheTenantAsync()).Status);
        Assert.Empty(directory.Calls);
    }

    [Fact]
    public async Task UnreachableProviderChangesNothing()
    {
        var state = await SignUpAndRequestConsentAsync();
        consent.Unreachable = true;

        var outcome = await AnswerAsync(state);

        Assert.Equal(AdminConsentResult.ProviderError, outcome.Result);
        Assert.Equal(TenantStatus.PendingConsent, (await TheTenantAsync()).Status);
        Assert.Empty(directory.Calls);
    }

    [Fact]
    public async Task NonAdministratorFinishingCreatesWorkspaceWithoutActivatingAnyoneUntilAnAdministratorSignsIn()
    {
        await SignUpAsync(AdminId, "admin@contoso.com");
        await SignUpAsync(ColleagueId, "colleague@contoso.com");
        var state = await RequestConsentAsync(ColleagueId);
        DirectoryListsEveryone();

        var outcome = await AnswerAsync(state, signedInObject: ColleagueId);
        var tenantId = outcome.TenantId!.Value;
        var before = await database.PeopleOfAsync(tenantId);
        var colleagueSignsIn = await SignUpAsync(ColleagueId, "colleague@contoso.com", SignInIntent.Login);
        var adminSignsIn = await SignUpAsync(AdminId, "admin@contoso.com", SignInIntent.Login);
        var after = await database.PeopleOfAsync(tenantId);

        Assert.Equal(AdminConsentResult.AwaitingAdministrator, outcome.Result);
        Assert.Equal(TenantStatus.Active, (await TheTenantAsync()).Status);
        Assert.All(before.Values, p => Assert.False(p.HasLoginAccess));
        Assert.All(before.Values, p => Assert.Equal(PersonRole.Member, p.Role));
        Assert.Equal(SignInResult.AwaitingAdministrator, colleagueSignsIn.Result);
        Assert.Equal(SignInResult.WorkspaceReady, adminSignsIn.Result);
        Assert.Equal(PersonRole.Owner, adminSignsIn.Role);
        Assert.Equal(PersonRole.Owner, after[AdminId].Role);
        Assert.True(after[ColleagueId].HasLoginAccess);
        Assert.Equal(PersonRole.Member, after[ColleagueId].Role);
        Assert.False(after[OtherId].HasLoginAccess);
    }

    [Fact]
    public async Task MemberOfConnectedWorkspaceCannotStartConsent()
    {
        await ConnectedWorkspaceAsync();

        await Assert.ThrowsAsync<ForbiddenAccessException>(() => RequestConsentAsync(ColleagueId));
        Assert.Contains(ColleagueId, administrators.Asked);
    }

    [Fact]
    public async Task MemberAnsweringWithOwnValidStateChangesNothingGivenRevokedWorkspace()
    {
        var tenantId = await ConnectedWorkspaceAsync();
        await RevokeAsync();
        var state = await RequestConsentAsync(ColleagueId);

        var outcome = await AnswerAsync(state, signedInObject: ColleagueId);

        Assert.Equal(AdminConsentResult.NotAllowed, outcome.Result);
        Assert.Equal(TenantStatus.ConsentRevoked, (await TheTenantAsync()).Status);
        var people = await database.PeopleOfAsync(tenantId);
        Assert.Equal(PersonRole.Owner, people[AdminId].Role);
        Assert.Equal(PersonRole.Member, people[ColleagueId].Role);
    }

    [Fact]
    public async Task OwnerReconnectsRevokedWorkspaceWithoutAnyRoleChanging()
    {
        var tenantId = await ConnectedWorkspaceAsync();
        await RevokeAsync();
        var rolesBefore = (await database.PeopleOfAsync(tenantId)).ToDictionary(p => p.Key, p => (p.Value.Role, p.Value.HasLoginAccess));
        administrators.Administrators.Clear();
        var state = await RequestConsentAsync(AdminId);

        var outcome = await AnswerAsync(state);

        Assert.Equal(AdminConsentResult.Reconnected, outcome.Result);
        Assert.Equal(PersonRole.Owner, outcome.Role);
        Assert.Equal(TenantStatus.Active, (await TheTenantAsync()).Status);
        Assert.Equal(rolesBefore, (await database.PeopleOfAsync(tenantId)).ToDictionary(p => p.Key, p => (p.Value.Role, p.Value.HasLoginAccess)));
        Assert.Single(directory.Calls);
    }

    [Fact]
    public async Task ProvenAdministratorReconnectsButStaysMemberGivenAnActiveOwner()
    {
        var tenantId = await ConnectedWorkspaceAsync();
        await RevokeAsync();
        administrators.Administrators.Add(ColleagueId);
        var state = await RequestConsentAsync(ColleagueId);

        var outcome = await AnswerAsync(state, signedInObject: ColleagueId);

        Assert.Equal(AdminConsentResult.Reconnected, outcome.Result);
        Assert.Equal(PersonRole.Member, outcome.Role);
        Assert.Equal(TenantStatus.Active, (await TheTenantAsync()).Status);
        Assert.Equal(PersonRole.Owner, (await database.PeopleOfAsync(tenantId))[AdminId].Role);
    }

    [Fact]
    public async Task ProvenAdministratorBecomesOwnerGivenNoActiveOwnerRemains()
    {
        var tenantId = await ConnectedWorkspaceAsync();
        await RevokeAsync(ownerLosesAccess: true);
        administrators.Administrators.Add(ColleagueId);
        var state = await RequestConsentAsync(ColleagueId);

        var outcome = await AnswerAsync(state, signedInObject: ColleagueId);

        Assert.Equal(AdminConsentResult.Reconnected, outcome.Result);
        Assert.Equal(PersonRole.Owner, outcome.Role);
        Assert.Equal(PersonRole.Owner, (await database.PeopleOfAsync(tenantId))[ColleagueId].Role);
    }

    /// <summary>The admin signed up and consented: Owner; the colleague who signed up too is a Member with access.</summary>
    private async Task<Guid> ConnectedWorkspaceAsync()
    {
        var state = await SignUpAndRequestConsentAsync();
        DirectoryListsEveryone();
        var outcome = await AnswerAsync(state);
        Assert.Equal(AdminConsentResult.Granted, outcome.Result);
        administrators.Asked.Clear();
        return outcome.TenantId!.Value;
    }

    private async Task RevokeAsync(bool ownerLosesAccess = false)
    {
        await using var db = database.CreateContext();
        var tenant = await db.Tenants.SingleAsync();
        tenant.RevokeConsent(database.Clock.GetUtcNow());
        using var scope = database.TenantContext.BeginScope(tenant.Id);
        if (ownerLosesAccess)
        {
            var owner = await db.People.SingleAsync(p => p.ExternalId == AdminId);
            owner.RevokeLoginAccess();
        }

        await db.SaveChangesAsync();
    }
}
