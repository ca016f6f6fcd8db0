using Mediator;
using WorkSights.Application.Common.Security;

namespace WorkSights.Application.Onboarding.CompleteSignIn;

public enum SignInIntent
{
    Login = 1,
    SignUp = 2,
}

/// <summary>Someone proved who they are with their provider; decide where they go next.</summary>
[SentByWorkSights("the Microsoft sign-in callback, after the provider proved the identity")]
public sealed record CompleteSignInCommand(
    string ExternalTenantId,
    string ObjectId,
    string Email,
    string DisplayName,
    SignInIntent Intent) : ICommand<SignInOutcome>;
