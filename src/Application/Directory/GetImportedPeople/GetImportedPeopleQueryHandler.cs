using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Common.Models;
using WorkSights.Domain.People;

namespace WorkSights.Application.Directory.GetImportedPeople;

/// <remarks>A page past the last is answered with the last.</remarks>
public sealed class GetImportedPeopleQueryHandler(IApplicationDbContext db, ITenantContext tenant) : IQueryHandler<GetImportedPeopleQuery, ImportedPeopleDto>
{
    /// <summary>The picker of the person to link to stays light in a large workspace; anyone else is typed in full.</summary>
    public const int MaximumLinkCandidates = 500;

    public async ValueTask<ImportedPeopleDto> Handle(GetImportedPeopleQuery query, CancellationToken cancellationToken)
    {
        var current = db.People.AsNoTracking().Where(p => p.Status != PersonStatus.Removed);
        var counts = await current.GroupBy(p => p.ProvisioningState)
            .Select(g => new { State = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.State, g => g.Count, cancellationToken);

        var filtered = query.State is { } state ? current.Where(p => p.ProvisioningState == state) : current;
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLowerInvariant();
            filtered = filtered.Where(p => p.DisplayName.ToLower().Contains(term) || p.Email.Contains(term));
        }

        var total = await filtered.CountAsync(cancellationToken);
        var lastPage = Math.Max(1, (int)Math.Ceiling(total / (double)query.PageSize));
        var page = Math.Min(query.Page, lastPage);
        var items = await filtered.OrderBy(p => p.DisplayName).ThenBy(p => p.Id)
            .Skip((page - 1) * query.PageSize).Take(query.PageSize)
            .ProjectToImportedPerson()
            .ToListAsync(cancellationToken);

        var allStates = Enum.GetValues<ProvisioningState>().ToDictionary(s => s, s => counts.GetValueOrDefault(s));
        var notImported = await db.NotImportedIdentities.CountAsync(cancellationToken);
        var acceptsJoiners = await db.Tenants.Where(t => t.Id == tenant.TenantId).Select(t => t.AcceptsJoinersAutomatically).FirstOrDefaultAsync(cancellationToken);
        var candidates = total == 0 ? [] : await db.People.AsNoTracking()
            .Where(p => p.Status != PersonStatus.Removed && p.ProvisioningState != ProvisioningState.Blocked && p.ProvisioningState != ProvisioningState.Link)
            .OrderBy(p => p.DisplayName).ThenBy(p => p.Email)
            .Take(MaximumLinkCandidates)
            .Select(p => new LinkCandidateDto(p.DisplayName, p.Email))
            .ToListAsync(cancellationToken);
        var converted = await db.People.AsNoTracking()
            .Where(p => p.MailboxConvertedTo != null && p.ImportedDespite == null && p.Status == PersonStatus.Active)
            .OrderBy(p => p.MailboxConvertedAt).ThenBy(p => p.DisplayName)
            .Take(MaximumLinkCandidates)
            .ProjectToImportedPerson()
            .ToListAsync(cancellationToken);
        return new ImportedPeopleDto(
            new PagedList<ImportedPersonDto>(items, page, query.PageSize, total), allStates, await LinkTargetsAsync(items, cancellationToken), notImported, acceptsJoiners, candidates, converted);
    }

    private async Task<Dictionary<Guid, LinkTargetDto>> LinkTargetsAsync(List<ImportedPersonDto> items, CancellationToken cancellationToken)
    {
        var links = items.Where(p => p.ProvisioningState == ProvisioningState.Link).ToList();
        var targetIds = links.Select(p => p.LinkedPersonId).OfType<Guid>().ToList();
        var names = links.Where(p => p.LinkedPersonId is null).Select(p => p.DisplayName).ToList();
        var candidates = await db.People.AsNoTracking()
            .Where(p => targetIds.Contains(p.Id)
                || (names.Contains(p.DisplayName) && p.Status == PersonStatus.Active && p.ProvisioningState != ProvisioningState.Blocked && p.ProvisioningState != ProvisioningState.Link))
            .Select(p => new { p.Id, p.DisplayName, p.Email })
            .ToListAsync(cancellationToken);
        var targets = new Dictionary<Guid, LinkTargetDto>();
        foreach (var link in links)
        {
            var linked = candidates.FirstOrDefault(c => c.Id == link.LinkedPersonId);
            var likely = linked is null ? candidates.FirstOrDefault(c => c.Id != link.Id && c.DisplayName == link.DisplayName) : null;
            if ((linked ?? likely) is { } target)
            {
                targets[link.Id] = new LinkTargetDto(target.DisplayName, target.Email, linked is null);
            }
        }

        return targets;
    }
}
