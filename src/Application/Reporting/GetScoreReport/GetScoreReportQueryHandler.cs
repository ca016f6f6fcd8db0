using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Common.Models;
using WorkSights.Application.Reporting.Visibility;

namespace WorkSights.Application.Reporting.GetScoreReport;

public sealed class GetScoreReportQueryHandler(IApplicationDbContext db, ViewerScopes scopes, GroupPrivacy privacy) : IQueryHandler<GetScoreReportQuery, ScoreReportDto>
{
    public async ValueTask<ScoreReportDto> Handle(GetScoreReportQuery query, CancellationToken cancellationToken)
    {
        var scope = await scopes.CurrentAsync(cancellationToken);
        await privacy.EnsureShownAsync(scope, query.Filter, cancellationToken);
        var people = await ReportFilterQueries.PeopleShownAsync(db, scope, query.Filter, cancellationToken);
        var days =
            from d in db.PersonDays.AsNoTracking().VisibleTo(scope).WithActivityOf(db, query.Filter)
            join p in people on d.PersonId equals p.Id
            select d;
        var averages = scope.SeesEveryone && query.Filter.IsEmpty
            ? await DailyAverages.OfWorkspaceAsync(db.GroupDays.AsNoTracking(), query.From, query.To, scope.SeesScores, cancellationToken)
            : await DailyAverages.OfAsync(days, query.From, query.To, scope.SeesScores, cancellationToken);

        // Everyone of the day is read to be sorted, but only the shown page's summaries (the rows' longest text).
        var date = query.Day.ToDateOnly();
        var rows = await (
                from d in db.PersonDays.AsNoTracking().VisibleTo(scope).WithActivityOf(db, query.Filter)
                join p in people on d.PersonId equals p.Id
                where d.Date == date
                select new ScoreReportRow(
                    p.Id, p.DisplayName, p.JobTitle, p.Department, d.IsWorkDay, d.Score, d.Band, d.Credited, d.DailyTarget, string.Empty))
            .ToListAsync(cancellationToken);
        if (!scope.SeesScores)
        {
            rows = rows.Select(r => r with { Score = null, Band = null }).ToList();
        }

        if (scope.SeesPseudonyms)
        {
            // A job title ("Chief Executive") would name the person its pseudonym hides.
            rows = rows.Select(r => r with { Name = scope.NameOf(r.PersonId, r.Name), Role = scope.IsViewer(r.PersonId) ? r.Role : null }).ToList();
        }

        var page = PageOf(Sorted(rows, query.Sort, query.Descending), query.Page, query.PageSize);
        var shown = page.Items.Select(r => r.PersonId).ToList();
        var summaries = await db.PersonDays.AsNoTracking()
            .Where(d => d.Date == date && shown.Contains(d.PersonId))
            .Select(d => new { d.PersonId, d.Summary })
            .ToDictionaryAsync(d => d.PersonId, d => d.Summary, cancellationToken);
        page = page with { Items = [.. page.Items.Select(r => r with { Summary = summaries.GetValueOrDefault(r.PersonId, string.Empty) })] };
        return new ScoreReportDto(averages, query.Day, page, scope.SeesScores, scope.SeesPseudonyms);
    }

    private static PagedList<ScoreReportRow> PageOf(List<ScoreReportRow> rows, int page, int pageSize)
    {
        var size = Math.Max(1, pageSize);
        var last = Math.Max(1, (int)Math.Ceiling(rows.Count / (double)size));
        var shown = Math.Clamp(page, 1, last);
        return new PagedList<ScoreReportRow>(rows.Skip((shown - 1) * size).Take(size).ToList(), shown, size, rows.Count);
    }

    private static List<ScoreReportRow> Sorted(IEnumerable<ScoreReportRow> rows, ScoreReportSort sort, bool descending)
    {
        var names = StringComparer.CurrentCultureIgnoreCase;
        var ordered = (sort, descending) switch
        {
            (ScoreReportSort.Role, false) => rows.OrderBy(r => r.Role ?? string.Empty, names),
            (ScoreReportSort.Role, true) => rows.OrderByDescending(r => r.Role ?? string.Empty, names),
            (ScoreReportSort.Team, false) => rows.OrderBy(r => r.Team ?? string.Empty, names),
            (ScoreReportSort.Team, true) => rows.OrderByDescending(r => r.Team ?? string.Empty, names),
            (ScoreReportSort.Score, false) => rows.OrderBy(r => r.Score ?? -1),
            (ScoreReportSort.Score, true) => rows.OrderByDescending(r => r.Score ?? -1),
            (ScoreReportSort.Hours, false) => rows.OrderBy(r => r.Credited),
            (ScoreReportSort.Hours, true) => rows.OrderByDescending(r => r.Credited),
            (_, false) => rows.OrderBy(r => r.Name, names),
            (_, true) => rows.OrderByDescending(r => r.Name, names),
        };
        return ordered.ThenBy(r => r.Name, names).ThenBy(r => r.PersonId).ToList();
    }
}
