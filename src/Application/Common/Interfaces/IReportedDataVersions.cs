namespace WorkSights.Application.Common.Interfaces;

/// <summary>
/// A number per workspace that moves on with every stored change a report could show (activity, results, people,
/// settings; a session's own bookkeeping does not count). A view built at one version stays true while it holds, so it
/// can be served again instead of being built again.
/// </summary>
public interface IReportedDataVersions
{
    long Of(Guid tenantId);
}
