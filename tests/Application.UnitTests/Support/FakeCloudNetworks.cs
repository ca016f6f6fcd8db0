using System.Net;
using WorkSights.Application.Common.Interfaces;

namespace WorkSights.Application.UnitTests.Support;

/// <summary>Cloud networks by exact address: the addresses a test names are a provider's, all others ordinary.</summary>
internal sealed class FakeCloudNetworks : ICloudNetworks
{
    public Dictionary<IPAddress, string> Providers { get; } = [];

    public string? ProviderOf(IPAddress address) => Providers.GetValueOrDefault(address);
}
