using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Directory.ImportWorkSettings;

namespace WorkSights.Infrastructure.Graph;

/// <summary>
/// Reads a mailbox's time zone and working hours (<c>GET /users/{id}/mailboxSettings</c>). A 403 here means the
/// organisation has not granted MailboxSettings.Read (it consented before WorkSights asked for it): only this read stops.
/// </summary>
public sealed class GraphMailboxSettingsReader(GraphClientFactory graphClients) : IMailboxSettingsReader
{
    public async Task<MailboxSettingsSnapshot> ReadAsync(string externalTenantId, string mailbox, CancellationToken cancellationToken)
    {
        var client = graphClients.ForTenant(externalTenantId);
        var settings = await GraphCalls.CallAsync(
            async () =>
            {
                try
                {
                    return await client.Users[mailbox].MailboxSettings.GetAsync(cancellationToken: cancellationToken);
                }
                catch (ODataError error) when (error.ResponseStatusCode == 403)
                {
                    throw new PermissionNotGrantedException(MailboxSettingsPermission.Required.Name, error);
                }
            },
            graphClients.Clock);
        return ToSnapshot(settings ?? new MailboxSettings());
    }

    internal static MailboxSettingsSnapshot ToSnapshot(MailboxSettings settings)
    {
        var hours = settings.WorkingHours;
        return new MailboxSettingsSnapshot(
            settings.TimeZone,
            settings.Language?.Locale,
            [.. (hours?.DaysOfWeek ?? []).OfType<DayOfWeekObject>().Select(d => d.ToString().ToLowerInvariant())],
            hours?.StartTime is { } start ? new TimeOnly(start.Hour, start.Minute, start.Second) : null,
            hours?.EndTime is { } end ? new TimeOnly(end.Hour, end.Minute, end.Second) : null,
            hours?.TimeZone?.Name);
    }
}
