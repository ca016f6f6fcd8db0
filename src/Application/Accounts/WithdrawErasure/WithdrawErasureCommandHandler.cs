using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Audit;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Audit;

namespace WorkSights.Application.Accounts.WithdrawErasure;

public sealed class WithdrawErasureCommandHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<WithdrawErasureCommand>
{
    public async ValueTask<Unit> Handle(WithdrawErasureCommand command, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == currentUser.PersonId, cancellationToken)
            ?? throw new ForbiddenAccessException("Sign in to a workspace to withdraw an erasure request.");
        var request = await db.ErasureRequests.SingleOrDefaultAsync(r => r.PersonId == person.Id, cancellationToken);
        if (request is null)
        {
            return Unit.Value;
        }

        db.ErasureRequests.Remove(request);
        db.AuditEntries.Add(AuditEntry.Record(person.TenantId, currentUser.AsAuditActor(), clock.GetUtcNow(), "person.erasure.withdrawn", person.DisplayName, "erasure requested", "request withdrawn"));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
