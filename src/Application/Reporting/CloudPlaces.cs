namespace WorkSights.Application.Reporting;

/// <summary>How an item from a cloud provider's network is placed: the datacenter's city is not where the person worked.</summary>
public static class CloudPlaces
{
    public static string Label(string provider) => $"Cloud datacenter ({provider})";
}
