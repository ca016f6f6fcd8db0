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

        var date = query.Day.ToDateOnly();
        var ofTheDay =
            from d in db.PersonDays.AsNoTracking().VisibleTo(scope).WithActivityOf(db, query.Filter)
            join p in people on d.PersonId equals p.Id
            where d.Date == date
            select new { p.Id, p.DisplayName, p.JobTitle, p.Department, d.IsWorkDay, d.Score, d.Band, d.Credited, d.DailyTarget };

        // By name in clear, the database sorts and pages along the names (as the user directory and the Dashboard sort
        // them); any other order reads everyone of the day, without the summaries, the rows' longest text.
        var sortedThere = query.Sort == ScoreReportSort.Name && !scope.SeesPseudonyms;
        var (count, number, size) = (0, query.Page, query.PageSize);
        var read = ofTheDay;
        if (sortedThere)
        {
            count = await ofTheDay.CountAsync(cancellationToken);
            (number, size) = PageWithin(query.Page, query.PageSize, count);
            var byName = query.Descending ? ofTheDay.OrderByDescending(r => r.DisplayName) : ofTheDay.OrderBy(r => r.DisplayName);
            read = byName.ThenBy(r => r.Id).Skip((number - 1) * size).Take(size);
        }

        var rows = (await read.ToListAsync(cancellationToken))
            .Select(r => new ScoreReportRow(r.Id, r.DisplayName, r.JobTitle, r.Department, r.IsWorkDay, r.Score, r.Band, r.Credited, r.DailyTarget, string.Empty))
            .ToList();
        if (!scope.SeesScores)
        {
            rows = rows.Select(r => r with { Score = null, Band = null }).ToList();
        }

        if (scope.SeesPseudonyms)
        {
            // A job title ("Chief Executive") would name the person its pseudonym hides.
            rows = rows.Select(r => r with { Name = scope.NameOf(r.PersonId, r.Name), Role = scope.IsViewer(r.PersonId) ? r.Role : null }).ToList();
        }

        var page = sortedThere
            ? new PagedList<ScoreReportRow>(rows, number, size, count)
            : PageOf(Sorted(rows, query.Sort, query.Descending), query.Page, query.PageSize);
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
        var (number, size) = PageWithin(page, pageSize, rows.Count);
        return new PagedList<ScoreReportRow>(rows.Skip((number - 1) * size).Take(size).ToList(), number, size, rows.Count);
    }

    /// <summary>A page past the last one is the last one.</summary>
    private static (int Number, int Size) PageWithin(int page, int pageSize, int count)
    {
        var size = Math.Max(1, pageSize);
        var last = Math.Max(1, (int)Math.Ceiling(count / (double)size));
        return (Math.Clamp(page, 1, last), size);
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
