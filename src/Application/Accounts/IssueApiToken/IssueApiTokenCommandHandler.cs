using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.Accounts.IssueApiToken;

public sealed class IssueApiTokenCommandHandler(IApiClientDirectory clients, IApplicationDbContext db, ITenantContext tenantContext, TimeProvider clock)
    : ICommandHandler<IssueApiTokenCommand, ApiTokenGrant?>
{
    /// <summary>A hash that no secret has, compared when the client is unknown so that the answer takes as long.</summary>
    private static readonly string NoKeyHash = new('0', 64);

    public async ValueTask<ApiTokenGrant?> Handle(IssueApiTokenCommand command, CancellationToken cancellationToken)
    {
        if (await clients.FindWorkspaceOfClientAsync(command.ClientId, cancellationToken) is not { } workspaceId)
        {
            _ = ApiKeyCredentials.Matches(command.ClientSecret, NoKeyHash);
            return null;
        }

        var status = await db.Tenants.AsNoTracking().Where(t => t.Id == workspaceId).Select(t => (TenantStatus?)t.Status).SingleOrDefaultAsync(cancellationToken);
        if (status is not (TenantStatus.Active or TenantStatus.ConsentRevoked))
        {
            return null;
        }

        using var scope = tenantContext.BeginScope(workspaceId);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.ClientId == command.ClientId, cancellationToken);
        var now = clock.GetUtcNow();
        if (key is null || !ApiKeyCredentials.Matches(command.ClientSecret, key.SecretHash) || !key.IsActiveAt(now))
        {
            return null;
        }

        if (key.UsedAt(now, CheckApiToken.CheckApiTokenCommandHandler.LastUsedPrecision))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return new ApiTokenGrant(key.Id, workspaceId, key.ClientId, key.ScopeList, key.ExpiresAt);
    }
}
