using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.Accounts.CheckApiToken;

public sealed class CheckApiTokenCommandHandler(IApplicationDbContext db, ITenantContext tenantContext, TimeProvider clock)
    : ICommandHandler<CheckApiTokenCommand, ApiTokenCheck>
{
    /// <summary>Last use is written at most this often per key, so that a busy integration does not write on every request.</summary>
    public static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    public async ValueTask<ApiTokenCheck> Handle(CheckApiTokenCommand command, CancellationToken cancellationToken)
    {
        var status = await db.Tenants.AsNoTracking().Where(t => t.Id == command.WorkspaceId).Select(t => (TenantStatus?)t.Status).SingleOrDefaultAsync(cancellationToken);
        if (status is not (TenantStatus.Active or TenantStatus.ConsentRevoked))
        {
            return ApiTokenCheck.Ended;
        }

        using var scope = tenantContext.BeginScope(command.WorkspaceId);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == command.KeyId, cancellationToken);
        var now = clock.GetUtcNow();
        if (key is null || !key.IsActiveAt(now))
        {
            return ApiTokenCheck.Ended;
        }

        if (key.UsedAt(now, LastUsedPrecision))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return new ApiTokenCheck(true, key.ClientId, key.ScopeList);
    }
}
