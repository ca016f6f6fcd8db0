using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.Onboarding.GetAccountSetup;

public sealed class GetAccountSetupQueryHandler(IApplicationDbContext db, ITenantContext tenantContext)
    : IQueryHandler<GetAccountSetupQuery, AccountSetupDto>
{
    private const int SuggestedTargetPercent = 80;

    public async ValueTask<AccountSetupDto> Handle(GetAccountSetupQuery query, CancellationToken cancellationToken)
    {
        var tenantId = tenantContext.TenantId ?? throw new NotFoundException("Workspace");
        var tenant = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tenantId, cancellationToken)
            ?? throw new NotFoundException("Workspace");
        var details = tenant.Details;
        var schedule = details?.DefaultSchedule ?? WorkSchedule.StandardWeek;
        return new AccountSetupDto(
            details?.Name ?? SuggestName(tenant.PrimaryDomain),
            tenant.PrimaryDomain,
            details?.Industry,
            details?.Size,
            details?.CountryCode,
            details?.TimeZoneId ?? "UTC",
            schedule.WorkDays,
            schedule.Start,
            schedule.End,
            details?.DefaultTargetPercent ?? SuggestedTargetPercent,
            tenant.IsSetupComplete);
    }

    private static string SuggestName(string domain)
    {
        var label = domain.Split('.')[0];
        return label.Length == 0 ? domain : char.ToUpperInvariant(label[0]) + label[1..];
    }
}
