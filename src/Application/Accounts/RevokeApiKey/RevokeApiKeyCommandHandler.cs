using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Accounts.CreateApiKey;
using WorkSights.Application.Common.Audit;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Audit;

namespace WorkSights.Application.Accounts.RevokeApiKey;

public sealed class RevokeApiKeyCommandHandler(IApplicationDbContext db, ITenantContext tenantContext, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<RevokeApiKeyCommand>
{
    public async ValueTask<Unit> Handle(RevokeApiKeyCommand command, CancellationToken cancellationToken)
    {
        var tenantId = tenantContext.TenantId ?? throw new NotFoundException("Workspace");
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == command.ApiKeyId, cancellationToken) ?? throw new NotFoundException("API key");
        var now = clock.GetUtcNow();
        var before = key.IsExpiredAt(now) ? "Expired" : "Active";
        if (key.Revoke(now, currentUser.PersonId))
        {
            db.AuditEntries.Add(AuditEntry.Record(tenantId, currentUser.AsAuditActor(), now, AccountAuditActions.ApiKeyRevoked, CreateApiKeyCommandHandler.SubjectOf(key), before, "Revoked"));
            await db.SaveChangesAsync(cancellationToken);
        }

        return Unit.Value;
    }
}
