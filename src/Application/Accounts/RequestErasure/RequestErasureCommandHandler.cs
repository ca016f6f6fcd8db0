using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Audit;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Audit;
using WorkSights.Domain.People;

namespace WorkSights.Application.Accounts.RequestErasure;

public sealed class RequestErasureCommandHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<RequestErasureCommand>
{
    public async ValueTask<Unit> Handle(RequestErasureCommand command, CancellationToken cancellationToken)
    {
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == currentUser.PersonId, cancellationToken)
            ?? throw new ForbiddenAccessException("Sign in to a workspace to ask for erasure.");
        if (await db.ErasureRequests.AnyAsync(r => r.PersonId == person.Id, cancellationToken))
        {
            return Unit.Value;
        }

        var now = clock.GetUtcNow();
        db.ErasureRequests.Add(ErasureRequest.By(person, now));
        db.AuditEntries.Add(AuditEntry.Record(person.TenantId, currentUser.AsAuditActor(), now, "person.erasure.requested", person.DisplayName, null, "erasure requested"));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
