using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.Onboarding.SaveAccountSetup;

public sealed class SaveAccountSetupCommandHandler(IApplicationDbContext db, ITenantContext tenantContext, TimeProvider clock)
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
        tenant.CompleteAccountSetup(details, command.PrimaryDomain, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
