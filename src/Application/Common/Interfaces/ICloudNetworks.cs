using System.Net;

namespace WorkSights.Application.Common.Interfaces;

/// <summary>
/// The address ranges of cloud and hosting providers. An item from one of them came from a virtual machine, a cloud
/// proxy or a VPN's exit, and the place the provider reports for it is the datacenter's, not where the person worked.
/// </summary>
public interface ICloudNetworks
{
    /// <summary>The provider whose network the address belongs to (for example "Microsoft Azure"), or null for any other network.</summary>
    string? ProviderOf(IPAddress address);
}
