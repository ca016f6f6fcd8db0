using Mediator;
using NodaTime;
using WorkSights.Application.Common.Models;
using WorkSights.Application.Common.Security;
using WorkSights.Domain.People;

namespace WorkSights.Application.Accounts.GetAuditLog;

/// <summary>
/// The workspace's audit log, newest first, narrowed by what was done, who did it and the days (in the viewer's time
/// zone, both inclusive) it was done on. <paramref name="PageSize"/> <see cref="EveryEntry"/> answers every entry the
/// filter selects, on one page (the CSV file).
/// </summary>
[RequiresRole(PersonRole.Owner, PersonRole.TechnicalAdmin)]
public sealed record GetAuditLogQuery(string? Action, Guid? PersonId, LocalDate? From, LocalDate? To, int Page = 1, int PageSize = GetAuditLogQuery.DefaultPageSize)
    : IQuery<AuditLogDto>
{
    public const int DefaultPageSize = 50;

    public const int EveryEntry = int.MaxValue;
}

/// <param name="TimeZoneId">The viewer's time zone, which <see cref="AuditLogRow.At"/> is given in.</param>
public sealed record AuditLogDto(PagedList<AuditLogRow> Entries, IReadOnlyList<AuditActionOption> Actions, IReadOnlyList<AuditPersonOption> People, string TimeZoneId);

/// <param name="By">The person's name; "WorkSights" for what it did itself.</param>
public sealed record AuditLogRow(Guid Id, LocalDateTime At, string By, string Action, string ActionLabel, string Subject, string? Before, string? After, string? FromAddress);

public sealed record AuditActionOption(string Action, string Label);

public sealed record AuditPersonOption(Guid PersonId, string Name);
