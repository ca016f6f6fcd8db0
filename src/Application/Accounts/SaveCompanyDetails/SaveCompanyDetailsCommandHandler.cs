using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Audit;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Audit;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.Accounts.SaveCompanyDetails;

public sealed class SaveCompanyDetailsCommandHandler(IApplicationDbContext db, ITenantContext tenantContext, ICurrentUser currentUser, TimeProvider clock)
    : ICommandHandler<SaveCompanyDetailsCommand>
{
    public async ValueTask<Unit> Handle(SaveCompanyDetailsCommand command, CancellationToken cancellationToken)
    {
        var tenantId = tenantContext.TenantId ?? throw new NotFoundException("Workspace");
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Id == tenantId, cancellationToken) ?? throw new NotFoundException("Workspace");
        var before = Describe(tenant);
        tenant.ChangeCompanyDetails(command.CompanyName, command.PrimaryDomain, command.Industry, command.Size, command.CountryCode);
        var after = Describe(tenant);
        if (before == after)
        {
            return Unit.Value;
        }

        db.AuditEntries.Add(AuditEntry.Record(
            tenantId, currentUser.AsAuditActor(), clock.GetUtcNow(), AccountAuditActions.CompanyDetailsChanged, "Company details", before, after));
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    /// <summary>The details as the audit log shows them: "Contoso, contoso.com, Software and IT services, 51–200 people, GB".</summary>
    public static string Describe(Tenant tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return $"{tenant.Name}, {tenant.PrimaryDomain}, {tenant.Industry}, {(tenant.Size is { } size ? CompanySizes.Words(size) : "size not set")}, {tenant.CountryCode}";
    }
}
