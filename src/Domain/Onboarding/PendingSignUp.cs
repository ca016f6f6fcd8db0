using WorkSights.Domain.Common;

namespace WorkSights.Domain.Onboarding;

/// <summary>
/// Someone who signed in to start a sign-up. It is kept while their organisation has not granted consent; when
/// consent arrives, whoever is pending gets login access to the new workspace.
/// </summary>
public sealed class PendingSignUp
{
    private PendingSignUp()
    {
        ExternalTenantId = ObjectId = Email = DisplayName = string.Empty;
    }

    public Guid Id { get; private set; }

    public string ExternalTenantId { get; private set; }

    public string ObjectId { get; private set; }

    public string Email { get; private set; }

    public string DisplayName { get; private set; }

    public DateTimeOffset SignedInAt { get; private set; }

    /// <summary>Set when the administrator's answer said this person could not grant consent.</summary>
    public DateTimeOffset? NeedsAdministratorSince { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public static PendingSignUp Start(string externalTenantId, string objectId, string email, string displayName, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        ExternalTenantId = Guard.Required(externalTenantId, "External tenant id", 64).ToLowerInvariant(),
        ObjectId = Guard.Required(objectId, "Object id", 64).ToLowerInvariant(),
        Email = Guard.Required(email, "Email", 320).ToLowerInvariant(),
        DisplayName = Guard.Required(displayName, "Display name", 256),
        SignedInAt = Guard.Utc(now, "Sign-in time"),
    };

    public void SignedInAgain(DateTimeOffset now) => SignedInAt = Guard.Utc(now, "Sign-in time");

    public void MarkNeedsAdministrator(DateTimeOffset now) => NeedsAdministratorSince ??= Guard.Utc(now, "Time");

    public void Complete(DateTimeOffset now) => CompletedAt ??= Guard.Utc(now, "Completion time");
}
