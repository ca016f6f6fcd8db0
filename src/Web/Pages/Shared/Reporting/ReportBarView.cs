using NodaTime;
using WorkSights.Application.Reporting.GetReportBar;

namespace WorkSights.Web.Pages.Shared.Reporting;

/// <summary>
/// What <c>_ReportBar</c> draws: the page it links to, the chosen day or range, and which filters the page offers. A person
/// or role chosen elsewhere (a link from a stream item, say) shows as a chip that removes it.
/// </summary>
public sealed record ReportBarView(
    string PagePath,
    ReportQuery Query,
    ReportBarDto Options,
    LocalDate Day,
    (LocalDate From, LocalDate To)? Range = null,
    bool ShowsTeam = true,
    bool ShowsManager = true,
    bool ShowsCategory = false,
    bool ShowsService = false,
    bool ShowsRole = false);
