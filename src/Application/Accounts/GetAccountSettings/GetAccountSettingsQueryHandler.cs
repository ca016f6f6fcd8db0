using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;

namespace WorkSights.Application.Accounts.GetAccountSettings;

public sealed class GetAccountSettingsQueryHandler(IApplicationDbContext db, ITenantContext tenantContext)
    : IQueryHandler<GetAccountSettingsQuery, AccountSettingsDto>
{
    public async ValueTask<AccountSettingsDto> Handle(GetAccountSettingsQuery query, CancellationToken cancellationToken)
    {
        var tenantId = tenantContext.TenantId ?? throw new NotFoundException("Workspace");
        return await db.Tenants.AsNoTracking()
            .Where(t => t.Id == tenantId)
            .Select(t => new AccountSettingsDto(
                t.SetupCompletedAt != null, t.Name, t.PrimaryDomain, t.Industry, t.Size, t.CountryCode, t.ScoresVisibleToMembers, t.RetentionDays, t.PrivacyModeOn, t.MinimumGroupSize))
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Workspace");
    }
}
