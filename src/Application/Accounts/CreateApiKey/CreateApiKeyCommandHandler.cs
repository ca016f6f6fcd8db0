using Mediator;
using WorkSights.Application.Common.Audit;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.ApiKeys;
using WorkSights.Domain.Audit;
using WorkSights.Domain.People;

namespace WorkSights.Application.Accounts.CreateApiKey;

public sealed class CreateApiKeyCommandHandler(IApplicationDbContext db, ITenantContext tenantContext, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<CreateApiKeyCommand, CreatedApiKey>
{
    public async ValueTask<CreatedApiKey> Handle(CreateApiKeyCommand command, CancellationToken cancellationToken)
    {
        var tenantId = tenantContext.TenantId ?? throw new NotFoundException("Workspace");
        if (command.Scopes.Contains(ApiScopes.ReportsRead) && currentUser.Role != PersonRole.Owner)
        {
            throw new ForbiddenAccessException("Only an Owner may issue a key that reads scores.");
        }

        var now = clock.GetUtcNow();
        var secret = ApiKeyCredentials.NewSecret();
        var key = ApiKey.Issue(
            tenantId,
            command.Name,
            ApiKeyCredentials.NewClientId(),
            ApiKeyCredentials.Hash(secret),
            command.Scopes,
            currentUser.PersonId,
            now,
            command.ExpiresInDays is { } days ? now.AddDays(days) : null);
        db.ApiKeys.Add(key);
        db.AuditEntries.Add(AuditEntry.Record(tenantId, currentUser.AsAuditActor(), now, AccountAuditActions.ApiKeyCreated, SubjectOf(key), null, Words(key)));
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiKey(key.Id, key.Name, key.ClientId, secret, key.ScopeList, key.ExpiresAt);
    }

    /// <summary>How the audit log names a key: its name and public client id, never its secret.</summary>
    public static string SubjectOf(ApiKey key) => $"API key \"{key.Name}\" ({key.ClientId})";

    private static string Words(ApiKey key) =>
        $"Reads {string.Join(", ", key.ScopeList)}; " + (key.ExpiresAt is { } expiry ? $"expires {expiry:yyyy-MM-dd HH:mm} UTC" : "never expires");
}
