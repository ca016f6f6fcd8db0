using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;

namespace WorkSights.Application.Accounts.GetMyData;

public sealed class GetMyDataQueryHandler(IApplicationDbContext db, ICurrentUser currentUser) : IQueryHandler<GetMyDataQuery, MyDataDto>
{
    public async ValueTask<MyDataDto> Handle(GetMyDataQuery query, CancellationToken cancellationToken)
    {
        var personId = currentUser.PersonId ?? throw new ForbiddenAccessException("Sign in to a workspace to see your data.");
        var requestedAt = await db.ErasureRequests.AsNoTracking().Where(r => r.PersonId == personId).Select(r => (DateTimeOffset?)r.RequestedAt).FirstOrDefaultAsync(cancellationToken);
        return new MyDataDto(requestedAt);
    }
}
