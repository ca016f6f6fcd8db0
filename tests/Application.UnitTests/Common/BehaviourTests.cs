using FluentValidation;
using Mediator;
using WorkSights.Application.Common.Behaviours;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Directory.GetImportedPeople;
using WorkSights.Application.Onboarding.CompleteSignIn;
using WorkSights.Application.Onboarding.GetWorkspaceStatus;
using WorkSights.Application.Onboarding.SaveAccountSetup;
using WorkSights.Application.UnitTests.Support;
using WorkSights.Domain.People;

namespace WorkSights.Application.UnitTests.Common;

public sealed class BehaviourTests
{
    private static readonly ImportedPeopleDto NoPeople = new(new([], 1, 50, 0), new Dictionary<ProvisioningState, int>(), new Dictionary<Guid, LinkTargetDto>());

    private static MessageHandlerDelegate<TMessage, TResponse> Next<TMessage, TResponse>(TResponse response, Action onCall)
        where TMessage : IMessage =>
        (_, _) =>
        {
            onCall();
            return ValueTask.FromResult(response);
        };

    [Fact]
    public async Task ValidationBehaviourThrowsAndSkipsHandlerGivenInvalidRequest()
    {
        var called = false;
        var behaviour = new ValidationBehaviour<GetImportedPeopleQuery, ImportedPeopleDto>([new GetImportedPeopleQueryValidator()]);

        var error = await Assert.ThrowsAsync<ValidationException>(async () =>
            await behaviour.Handle(new GetImportedPeopleQuery(null, null, Page: 0, PageSize: 500), Next<GetImportedPeopleQuery, ImportedPeopleDto>(NoPeople, () => called = true), CancellationToken.None));

        Assert.False(called);
        Assert.Equal(["Page", "PageSize"], error.Errors.Select(e => e.PropertyName).Order());
    }

    [Fact]
    public async Task ValidationBehaviourCallsHandlerGivenValidRequest()
    {
        var called = false;
        var behaviour = new ValidationBehaviour<GetImportedPeopleQuery, ImportedPeopleDto>([new GetImportedPeopleQueryValidator()]);

        var result = await behaviour.Handle(new GetImportedPeopleQuery(null, null), Next<GetImportedPeopleQuery, ImportedPeopleDto>(NoPeople, () => called = true), CancellationToken.None);

        Assert.True(called);
        Assert.Same(NoPeople, result);
    }

    [Fact]
    public async Task ValidationBehaviourCallsHandlerGivenNoValidators()
    {
        var called = false;
        var behaviour = new ValidationBehaviour<GetImportedPeopleQuery, ImportedPeopleDto>([]);

        await behaviour.Handle(new GetImportedPeopleQuery(null, null, Page: -5), Next<GetImportedPeopleQuery, ImportedPeopleDto>(NoPeople, () => called = true), CancellationToken.None);

        Assert.True(called);
    }

    [Theory]
    [InlineData(PersonRole.Member)]
    [InlineData(PersonRole.Manager)]
    [InlineData(PersonRole.Executive)]
    public async Task AuthorizationBehaviourThrowsForbiddenGivenWrongRole(PersonRole role)
    {
        var called = false;
        var behaviour = new AuthorizationBehaviour<GetImportedPeopleQuery, ImportedPeopleDto>(new FakeCurrentUser(role));

        await Assert.ThrowsAsync<ForbiddenAccessException>(async () =>
            await behaviour.Handle(new GetImportedPeopleQuery(null, null), Next<GetImportedPeopleQuery, ImportedPeopleDto>(NoPeople, () => called = true), CancellationToken.None));

        Assert.False(called);
    }

    [Fact]
    public async Task AuthorizationBehaviourThrowsForbiddenGivenNoRole()
    {
        var behaviour = new AuthorizationBehaviour<GetImportedPeopleQuery, ImportedPeopleDto>(new FakeCurrentUser(null));

        await Assert.ThrowsAsync<ForbiddenAccessException>(async () =>
            await behaviour.Handle(new GetImportedPeopleQuery(null, null), Next<GetImportedPeopleQuery, ImportedPeopleDto>(NoPeople, () => { }), CancellationToken.None));
    }

    [Theory]
    [InlineData(PersonRole.Owner)]
    [InlineData(PersonRole.TechnicalAdmin)]
    public async Task AuthorizationBehaviourCallsHandlerGivenRequiredRole(PersonRole role)
    {
        var called = false;
        var behaviour = new AuthorizationBehaviour<GetImportedPeopleQuery, ImportedPeopleDto>(new FakeCurrentUser(role));

        await behaviour.Handle(new GetImportedPeopleQuery(null, null), Next<GetImportedPeopleQuery, ImportedPeopleDto>(NoPeople, () => called = true), CancellationToken.None);

        Assert.True(called);
    }

    [Fact]
    public async Task AuthorizationBehaviourThrowsForbiddenGivenTechnicalAdminSavingAccountSetup()
    {
        var behaviour = new AuthorizationBehaviour<SaveAccountSetupCommand, Unit>(new FakeCurrentUser(PersonRole.TechnicalAdmin));
        var command = SaveAccountSetupCommandValidatorTests.Valid();

        await Assert.ThrowsAsync<ForbiddenAccessException>(async () =>
            await behaviour.Handle(command, Next<SaveAccountSetupCommand, Unit>(Unit.Value, () => { }), CancellationToken.None));
    }

    [Fact]
    public async Task AuthorizationBehaviourCallsHandlerGivenRequestSentByWorkSightsAndNoRole()
    {
        var called = false;
        var outcome = new SignInOutcome(SignInResult.NoWorkspace, "contoso.com");
        var behaviour = new AuthorizationBehaviour<CompleteSignInCommand, SignInOutcome>(new FakeCurrentUser(null));

        var result = await behaviour.Handle(
            new CompleteSignInCommand("t", "o", "a@b.c", "A", SignInIntent.Login),
            Next<CompleteSignInCommand, SignInOutcome>(outcome, () => called = true),
            CancellationToken.None);

        Assert.True(called);
        Assert.Same(outcome, result);
    }

    [Fact]
    public async Task AuthorizationBehaviourRefusesARequestThatDeclaresNoAccessRule()
    {
        var called = false;
        var behaviour = new AuthorizationBehaviour<UndeclaredQuery, int>(new FakeCurrentUser(PersonRole.Owner));

        var error = await Assert.ThrowsAsync<ForbiddenAccessException>(async () =>
            await behaviour.Handle(new UndeclaredQuery(), Next<UndeclaredQuery, int>(1, () => called = true), CancellationToken.None));

        Assert.False(called);
        Assert.Contains(nameof(UndeclaredQuery), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthorizationBehaviourRefusesARequestNeedingSignInGivenNoProvenIdentity()
    {
        var behaviour = new AuthorizationBehaviour<GetWorkspaceStatusQuery, WorkspaceStatusDto>(new FakeCurrentUser(PersonRole.Owner));

        await Assert.ThrowsAsync<ForbiddenAccessException>(async () =>
            await behaviour.Handle(new GetWorkspaceStatusQuery(), Next<GetWorkspaceStatusQuery, WorkspaceStatusDto>(null!, () => { }), CancellationToken.None));
    }

    [Fact]
    public async Task AuthorizationBehaviourCallsHandlerNeedingSignInGivenAProvenIdentityWithoutRole()
    {
        var called = false;
        var behaviour = new AuthorizationBehaviour<GetWorkspaceStatusQuery, WorkspaceStatusDto>(new SignedInWithoutRole());

        await behaviour.Handle(new GetWorkspaceStatusQuery(), Next<GetWorkspaceStatusQuery, WorkspaceStatusDto>(null!, () => called = true), CancellationToken.None);

        Assert.True(called);
    }

    /// <summary>A request type that forgot its access rule.</summary>
    private sealed record UndeclaredQuery : IQuery<int>;

    /// <summary>An admin the provider proved, between sign-up and provisioning: no person, no role yet.</summary>
    private sealed class SignedInWithoutRole : Application.Common.Interfaces.ICurrentUser
    {
        public string? ExternalTenantId => "tenant";

        public string? ObjectId => "object";

        public Guid? PersonId => null;

        public PersonRole? Role => null;

        public string? Address => null;
    }
}
