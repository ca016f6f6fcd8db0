using System.Text.Json;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions.Serialization;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Directory.ImportWorkSettings;
using WorkSights.Domain.People;

namespace WorkSights.Infrastructure.Graph;

/// <summary>
/// Reads a mailbox's time zone, working hours and purpose (<c>GET /users/{id}/mailboxSettings</c>). A 403 here means the
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

    /// <summary>
    /// <c>GET /users/{id}/mailboxSettings/userPurpose</c>: only the purpose, <c>{"value": "shared"}</c>. Graph's v1.0
    /// metadata makes it an enum (user, linked, shared, room, equipment, others, unknownFutureValue); the older beta shape
    /// nested it once more (<c>{"value": {"value": "shared"}}</c>), which is read too.
    /// </summary>
    public async Task<MailboxPurpose> ReadPurposeAsync(string externalTenantId, string mailbox, CancellationToken cancellationToken)
    {
        var client = graphClients.ForTenant(externalTenantId);
        var request = client.Users[mailbox].MailboxSettings.ToGetRequestInformation();
        request.URI = new Uri($"{request.URI.GetLeftPart(UriPartial.Path).TrimEnd('/')}/userPurpose");
        var purpose = await GraphCalls.CallAsync(
            async () =>
            {
                try
                {
                    await using var body = await client.RequestAdapter.SendPrimitiveAsync<Stream>(request, Errors, cancellationToken);
                    if (body is null)
                    {
                        return null;
                    }

                    using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
                    return PurposeText(document.RootElement);
                }
                catch (ODataError error) when (error.ResponseStatusCode == 403)
                {
                    throw new PermissionNotGrantedException(MailboxSettingsPermission.Required.Name, error);
                }
            },
            graphClients.Clock);
        return ToPurpose(purpose);
    }

    internal static MailboxPurpose ToPurpose(string? purpose) => purpose?.ToLowerInvariant() switch
    {
        "user" or "linked" => MailboxPurpose.Person,
        "shared" => MailboxPurpose.Shared,
        "room" => MailboxPurpose.Room,
        "equipment" => MailboxPurpose.Equipment,
        "others" => MailboxPurpose.Other,
        _ => MailboxPurpose.Unknown,
    };

    private static readonly Dictionary<string, ParsableFactory<IParsable>> Errors = new(StringComparer.Ordinal)
    {
        ["XXX"] = ODataError.CreateFromDiscriminatorValue,
    };

    private static string? PurposeText(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Object when element.TryGetProperty("value", out var inner) => PurposeText(inner),
        _ => null,
    };

    internal static MailboxSettingsSnapshot ToSnapshot(MailboxSettings settings)
    {
        var hours = settings.WorkingHours;
        return new MailboxSettingsSnapshot(
            settings.TimeZone,
            settings.Language?.Locale,
            [.. (hours?.DaysOfWeek ?? []).OfType<DayOfWeekObject>().Select(d => d.ToString().ToLowerInvariant())],
            hours?.StartTime is { } start ? new TimeOnly(start.Hour, start.Minute, start.Second) : null,
            hours?.EndTime is { } end ? new TimeOnly(end.Hour, end.Minute, end.Second) : null,
            hours?.TimeZone?.Name,
            ToPurpose(settings.UserPurpose?.ToString()));
    }
}
