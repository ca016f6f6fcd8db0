using WorkSights.Domain.Sessions;

namespace WorkSights.Application.Common.Interfaces;

/// <summary>Where session records live; read on every request, so an implementation finds one by its id hash cheaply.</summary>
public interface ISessionStore
{
    void Add(UserSession session);

    /// <summary>The session whose id hashes to <paramref name="idHash"/>, tracked so that changes to it are saved.</summary>
    Task<UserSession?> FindAsync(string idHash, CancellationToken cancellationToken);

    Task SaveChangesAsync(CancellationToken cancellationToken);
}
