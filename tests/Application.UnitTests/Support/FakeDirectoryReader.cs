using System.Runtime.CompilerServices;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Directory;

namespace WorkSights.Application.UnitTests.Support;

/// <summary>Answers each read with the next scripted response and records what it was asked.</summary>
internal sealed class FakeDirectoryReader : IDirectoryReader
{
    private readonly Queue<Func<IEnumerable<DirectoryPage>>> responses = new();

    public List<(string ExternalTenantId, string? DeltaLink)> Calls { get; } = [];

    public static DirectoryIdentity Member(
        string id,
        string? mail,
        string? displayName = null,
        string? department = null,
        string? jobTitle = null,
        string? manager = null,
        bool managerIncluded = true,
        bool isGuest = false,
        bool enabled = true,
        bool licensed = true,
        string? userPrincipalName = null) =>
        new(id, mail, userPrincipalName ?? mail ?? $"{id}@contoso.com", displayName ?? id, department, jobTitle, manager, managerIncluded, isGuest, enabled, licensed);

    public static DirectoryPage Page(string? deltaLink, params DirectoryIdentity[] identities) => new(identities, [], deltaLink);

    public FakeDirectoryReader Returns(params DirectoryPage[] pages)
    {
        responses.Enqueue(() => pages);
        return this;
    }

    public FakeDirectoryReader Throws(Exception exception)
    {
        responses.Enqueue(() => throw exception);
        return this;
    }

    public async IAsyncEnumerable<DirectoryPage> ReadAsync(string externalTenantId, string? deltaLink, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Calls.Add((externalTenantId, deltaLink));
        if (!responses.TryDequeue(out var next))
        {
            throw new InvalidOperationException("The test did not expect another directory read.");
        }

        foreach (var page in next())
        {
            await Task.Yield();
            yield return page;
        }
    }
}
