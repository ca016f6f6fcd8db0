namespace WorkSights.Application.Common.Interfaces;

/// <summary>
/// Finds which workspace an API client id belongs to. The token endpoint is the one place that meets a client id before
/// any workspace is known; everything after it reads the key inside that workspace's scope.
/// </summary>
public interface IApiClientDirectory
{
    Task<Guid?> FindWorkspaceOfClientAsync(string clientId, CancellationToken cancellationToken);
}
