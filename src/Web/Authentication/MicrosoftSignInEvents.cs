using System.Security.Claims;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using WorkSights.Application.Onboarding.CompleteSignIn;
using WorkSights.Infrastructure.Hosting;

namespace WorkSights.Web.Authentication;

/// <summary>
/// Turns a validated Microsoft sign-in into a WorkSights session, or sends the person where their situation leads:
/// the consent step of a sign-up, the offer to sign up, or a clear "no access" page.
/// </summary>
internal sealed partial class MicrosoftSignInEvents(PublicAddress publicAddress, ILogger<MicrosoftSignInEvents> logger) : OpenIdConnectEvents
{
    public override Task RedirectToIdentityProvider(RedirectContext context)
    {
        context.ProtocolMessage.Prompt = "select_account";
        if (context.Properties.Items.TryGetValue(AuthenticationSchemes.LoginHintItem, out var loginHint) && loginHint is not null)
        {
            context.ProtocolMessage.LoginHint = loginHint;
        }

        // The handler would build the redirect URI from the request's Host header; the code redemption reuses this one.
        context.ProtocolMessage.RedirectUri = publicAddress.For(context.Options.CallbackPath).ToString();
        return Task.CompletedTask;
    }

    public override Task MessageReceived(MessageReceivedContext context)
    {
        // WorkSights asks for response_type=code alone. An answer carrying an id_token or access token, or lacking the
        // code, is not the one it asked for: the handler would otherwise sign the person in from a posted id_token.
        var message = context.ProtocolMessage;
        if (message.Error is null && (string.IsNullOrEmpty(message.Code) || message.IdToken is not null || message.AccessToken is not null))
        {
            LogUnexpectedResponse();
            context.Fail("The authorization response is not the code response that was requested.");
        }

        return Task.CompletedTask;
    }

    public override async Task TokenValidated(TokenValidatedContext context)
    {
        // For the code flow the handler lets unsigned id_tokens through (OIDC Core 3.1.3.7 allows relying on TLS);
        // WorkSights does not: only RS256-signed tokens, whose signature the handler has then checked, are accepted.
        if (context.SecurityToken.SignatureAlgorithm != SecurityAlgorithms.RsaSha256 || string.IsNullOrEmpty(context.SecurityToken.RawSignature))
        {
            LogUnsignedToken(context.SecurityToken.SignatureAlgorithm ?? "none");
            Fail(context, "signin-failed");
            return;
        }

        var principal = context.Principal!;
        var tenantId = principal.FindFirstValue("tid");
        var objectId = principal.FindFirstValue("oid");
        var email = principal.FindFirstValue("email") ?? principal.FindFirstValue("preferred_username");
        var name = principal.FindFirstValue("name") ?? email;
        if (tenantId is null || objectId is null || email is null || name is null)
        {
            LogIncompleteToken();
            Fail(context, "incomplete");
            return;
        }

        var intent = context.Properties?.Items.TryGetValue(AuthenticationSchemes.IntentItem, out var value) == true && value == nameof(SignInIntent.SignUp)
            ? SignInIntent.SignUp
            : SignInIntent.Login;
        var mediator = context.HttpContext.RequestServices.GetRequiredService<IMediator>();
        var outcome = await mediator.Send(new CompleteSignInCommand(tenantId, objectId, email, name, intent), context.HttpContext.RequestAborted);
        LogSignIn(tenantId, outcome.Result);

        switch (outcome.Result)
        {
            case SignInResult.WorkspaceReady:
                context.Principal = SessionPrincipal.Create(tenantId, objectId, name, email, outcome.TenantId, outcome.PersonId, outcome.Role);
                context.Properties!.RedirectUri = HomePage.For(context.Principal);
                break;
            case SignInResult.AwaitingAdministrator:
                context.Principal = SessionPrincipal.Create(tenantId, objectId, name, email, null, null, null);
                context.Properties!.RedirectUri = "/Onboarding/AdminRequired?reason=finish";
                break;
            case SignInResult.AwaitingConsent:
                context.Principal = SessionPrincipal.Create(tenantId, objectId, name, email, null, null, null);
                context.Properties!.RedirectUri = "/Onboarding/Connect";
                break;
            case SignInResult.NoWorkspace:
                context.HandleResponse();
                context.Response.Redirect("/SignUp?reason=no-workspace");
                break;
            default:
                context.HandleResponse();
                context.Response.Redirect("/Login?error=no-access");
                break;
        }
    }

    public override Task RemoteFailure(RemoteFailureContext context)
    {
        LogRemoteFailure(context.Failure?.GetType().Name ?? "unknown");
        context.HandleResponse();
        var error = context.Failure?.Message.Contains("access_denied", StringComparison.Ordinal) == true ? "cancelled" : "signin-failed";
        context.Response.Redirect($"/Login?error={error}");
        return Task.CompletedTask;
    }

    private static void Fail(TokenValidatedContext context, string error)
    {
        context.HandleResponse();
        context.Response.Redirect($"/Login?error={error}");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Microsoft sign-in for organisation {TenantId}: {Result}")]
    private partial void LogSignIn(string tenantId, SignInResult result);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Microsoft sign-in rejected: id_token signed with {Algorithm}")]
    private partial void LogUnsignedToken(string algorithm);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Microsoft sign-in rejected: the callback is not a bare authorization-code response")]
    private partial void LogUnexpectedResponse();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Microsoft sign-in rejected: the id_token lacks tid, oid, email or name")]
    private partial void LogIncompleteToken();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Microsoft sign-in failed: {FailureType}")]
    private partial void LogRemoteFailure(string failureType);
}
