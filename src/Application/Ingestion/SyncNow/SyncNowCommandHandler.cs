using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Directory.ImportDirectory;
using WorkSights.Application.Directory.SyncDirectoryNow;
using WorkSights.Application.Ingestion.ManageService;
using WorkSights.Application.Onboarding.RecheckConsent;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.Ingestion.SyncNow;

public sealed class SyncNowCommandHandler(IApplicationDbContext db, ITenantContext tenantContext, IMediator mediator)
    : ICommandHandler<SyncNowCommand, SyncNowOutcome>
{
    public async ValueTask<SyncNowOutcome> Handle(SyncNowCommand command, CancellationToken cancellationToken)
    {
        var tenantId = tenantContext.TenantId ?? throw new NotFoundException("Workspace");
        var tenant = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tenantId, cancellationToken)
            ?? throw new NotFoundException("Workspace");
        var recovered = false;
        if (tenant.Status == TenantStatus.ConsentRevoked)
        {
            if (await mediator.Send(new RecheckConsentCommand(tenantId), cancellationToken) != ConsentRecheckOutcome.Recovered)
            {
                return SyncNowOutcome.ConsentRevoked;
            }

            recovered = true;
        }

        if (await db.ConnectedServices.AsNoTracking().AnyAsync(s => s.IsDisconnected, cancellationToken))
        {
            return SyncNowOutcome.Disconnected;
        }

        var directory = await mediator.Send(new SyncDirectoryNowCommand(), cancellationToken);
        if (directory.Outcome is DirectoryImportOutcome.Completed or DirectoryImportOutcome.Throttled)
        {
            // Mailboxes have their own request envelope: a throttled directory does not hold them back.
            await mediator.Send(new RequestSyncNowCommand(), cancellationToken);
        }

        return directory.Outcome switch
        {
            DirectoryImportOutcome.Completed => recovered ? SyncNowOutcome.Recovered : SyncNowOutcome.Started,
            DirectoryImportOutcome.Throttled => SyncNowOutcome.Throttled,
            DirectoryImportOutcome.ConsentRevoked or DirectoryImportOutcome.WorkspaceNotActive => SyncNowOutcome.ConsentRevoked,
            _ => SyncNowOutcome.Unavailable,
        };
    }
}
