using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Microsoft.IdentityModel.Validators;
using WorkSights.Application.Sessions;
using WorkSights.Infrastructure.Hosting;
using WorkSights.Infrastructure.Identity;

namespace WorkSights.Web.Authentication;

internal static class AuthenticationSetup
{
    public static IServiceCollection AddWorkSightsAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var microsoft = configuration.GetSection(MicrosoftIdentityOptions.SectionName).Get<MicrosoftIdentityOptions>() ?? new MicrosoftIdentityOptions();
        var authority = new Uri(microsoft.Instance, "organizations/v2.0").ToString();

        var sessions = configuration.GetSection(UserSessionOptions.SectionName).Get<UserSessionOptions>() ?? new UserSessionOptions();
        services.AddOptions<UserSessionOptions>().Bind(configuration.GetSection(UserSessionOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddMemoryCache();
        services.AddScoped<SessionCookieEvents>();
        services.AddScoped<MicrosoftSignInEvents>();
        services.AddOptions<ApiTokenOptions>().Bind(configuration.GetSection(ApiTokenOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ApiTokens>();
        services.AddAuthentication(AuthenticationSchemes.Select)
            .AddPolicyScheme(AuthenticationSchemes.Select, null, options => options.ForwardDefaultSelector = context =>
                ApiTokenAuthenticationHandler.Handles(context.Request) ? ApiTokenAuthenticationHandler.SchemeName : AuthenticationSchemes.Cookie)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddCookie(AuthenticationSchemes.Cookie, options =>
            {
                options.Cookie.Name = AuthenticationSchemes.CookieName;
                options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.Path = "/";
                // The session record decides when a session ends (idle and absolute); the cookie never outlives the absolute lifetime.
                options.ExpireTimeSpan = sessions.AbsoluteLifetime;
                options.SlidingExpiration = false;
                options.LoginPath = "/Login";
                options.AccessDeniedPath = "/Error/403";
                options.EventsType = typeof(SessionCookieEvents);
            })
            .AddOpenIdConnect(AuthenticationSchemes.Microsoft, "Microsoft", options =>
            {
                options.SignInScheme = AuthenticationSchemes.Cookie;
                options.Authority = authority;
                options.MetadataAddress = $"{authority}/.well-known/openid-configuration";
                options.RequireHttpsMetadata = microsoft.Instance.Scheme == Uri.UriSchemeHttps;
                options.ClientId = microsoft.ClientId;
                options.ClientSecret = microsoft.ClientSecret;
                options.ResponseType = OpenIdConnectResponseType.Code;
                options.ResponseMode = OpenIdConnectResponseMode.FormPost;
                options.UsePkce = true;
                options.Scope.Clear();
                options.Scope.Add("openid");
                options.Scope.Add("profile");
                options.Scope.Add("email");
                options.CallbackPath = "/signin-oidc";
                options.SaveTokens = false;
                options.MapInboundClaims = false;
                options.GetClaimsFromUserInfoEndpoint = false;
                options.EventsType = typeof(MicrosoftSignInEvents);
                options.CorrelationCookie.Name = "__Host-WorkSights.Correlation.";
                options.NonceCookie.Name = "__Host-WorkSights.Nonce.";
                options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.Always;
                options.NonceCookie.SecurePolicy = CookieSecurePolicy.Always;
                options.CorrelationCookie.Path = "/";
                options.NonceCookie.Path = "/";
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidAudience = microsoft.ClientId,
                    ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
                    IssuerValidator = AadIssuerValidator.GetAadIssuerValidator(
                        authority,
                        httpClient: null,
                        issuerAuthority => new ConfigurationManager<OpenIdConnectConfiguration>(
                            issuerAuthority.Contains("/.well-known/", StringComparison.Ordinal) ? issuerAuthority : $"{issuerAuthority.TrimEnd('/')}/.well-known/openid-configuration",
                            new OpenIdConnectConfigurationRetriever(),
                            new HttpDocumentRetriever { RequireHttps = microsoft.Instance.Scheme == Uri.UriSchemeHttps })).Validate,
                    NameClaimType = "name",
                    RequireSignedTokens = true,
                    RequireExpirationTime = true,
                };
                options.TokenValidationParameters.EnableAadSigningKeyIssuerValidation();
            });

        services.AddAuthorization(Policies.Add);
        return services;
    }
}
