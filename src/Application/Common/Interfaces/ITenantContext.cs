namespace WorkSights.Application.Common.Interfaces;

/// <summary>
/// The workspace the current request or job acts for. Without one, tenant-owned data matches nothing.
/// </summary>
public interface ITenantContext
{
    Guid? TenantId { get; }

    /// <summary>Acts for <paramref name="tenantId"/> until the returned scope is disposed (background jobs, onboarding).</summary>
    IDisposable BeginScope(Guid tenantId);
}
