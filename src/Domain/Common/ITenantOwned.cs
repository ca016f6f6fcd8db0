namespace WorkSights.Domain.Common;

/// <summary>An entity that belongs to exactly one workspace and is never visible outside it.</summary>
public interface ITenantOwned
{
    Guid TenantId { get; }
}
