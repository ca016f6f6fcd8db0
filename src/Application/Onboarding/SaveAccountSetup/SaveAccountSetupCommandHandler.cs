using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Accounts;
using WorkSights.Application.Accounts.SaveCompanyDetails;
using WorkSights.Application.Common.Audit;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Schedules;
using WorkSights.Domain.Audit;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.Onboarding.SaveAccountSetup;

public sealed class SaveAccountSetupCommandHandler(IApplicationDbContext db, ITenantContext tenantContext, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SaveAccountSetupCommand>
{
    public async ValueTask<Unit> Handle(SaveAccountSetupCommand command, CancellationToken cancellationToken)
    {
        var tenantId = tenantContext.TenantId ?? throw new NotFoundException("Workspace");
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Id == tenantId, cancellationToken)
            ?? throw new NotFoundException("Workspace");
        var details = new CompanyDetails(
            command.CompanyName,
            command.Industry,
            command.Size,
            command.CountryCode,
            command.TimeZoneId,
            new WorkSchedule(command.WorkDays, command.ScheduleStart, command.ScheduleEnd),
            command.DefaultTargetPercent);
        var before = tenant.IsSetupComplete ? Describe(tenant) : null;
        var now = clock.GetUtcNow();
        tenant.CompleteAccountSetup(details, command.PrimaryDomain, now);
        var after = Describe(tenant);
        if (before != after)
        {
            db.AuditEntries.Add(AuditEntry.Record(tenantId, currentUser.AsAuditActor(), now, AccountAuditActions.AccountSetupSaved, "Account Setup", before, after));
        }

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    private static string Describe(Tenant tenant) =>
        $"{SaveCompanyDetailsCommandHandler.Describe(tenant)}; {ScheduleText.Of(tenant.Details!.DefaultSchedule)}, target {tenant.DefaultTargetPercent} %, {tenant.TimeZoneId}";
}
