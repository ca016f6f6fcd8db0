using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Sessions;

namespace WorkSights.Infrastructure.Persistence;

/// <summary>Session records in the application database, found by the unique index on the id hash.</summary>
internal sealed class SessionStore(ApplicationDbContext db) : ISessionStore
{
    public void Add(UserSession session) => db.Sessions.Add(session);

    public Task<UserSession?> FindAsync(string idHash, CancellationToken cancellationToken) =>
        db.Sessions.SingleOrDefaultAsync(s => s.IdHash == idHash, cancellationToken);

    public Task SaveChangesAsync(CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);
}
