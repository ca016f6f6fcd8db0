using System.Net;
using WorkSights.Application.Common.Interfaces;

namespace WorkSights.Infrastructure.IntegrationTests.Support;

/// <summary>No address is a cloud provider's: these tests are about reading the feeds, not where a sign-in came from.</summary>
internal sealed class NoCloudNetworks : ICloudNetworks
{
    public string? ProviderOf(IPAddress address) => null;
}
