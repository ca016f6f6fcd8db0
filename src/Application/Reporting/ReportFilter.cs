using WorkSights.Domain.Activities;

namespace WorkSights.Application.Reporting;

/// <summary>
/// The filters every reporting page shares (kept in the URL): a team (a directory department; <see cref="NoTeam"/> for
/// people without one), a manager (that manager and everyone reporting to them, directly or not), an activity category,
/// a service, one person, and a role (the directory's job title). Null means "all".
/// </summary>
public sealed record ReportFilter(
    string? Team = null,
    Guid? ManagerId = null,
    ActivityCategory? Category = null,
    ActivitySource? Service = null,
    Guid? PersonId = null,
    string? JobTitle = null)
{
    public const string NoTeam = "-";

    public static ReportFilter None { get; } = new();

    /// <summary>Whether the filter narrows the people (rather than their items).</summary>
    public bool NarrowsPeople => Team is not null || ManagerId is not null || PersonId is not null || JobTitle is not null;

    public bool IsEmpty => !NarrowsPeople && Category is null && Service is null;
}
