using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Ingestion;
using WorkSights.Domain.Directory;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.Directory.ImportDirectory;

public sealed class ImportDirectoryCommandHandler(
    IApplicationDbContext db,
    ITenantContext tenantContext,
    IDirectoryReader directory,
    IMailboxSettingsReader mailboxes,
    TimeProvider clock)
    : ICommandHandler<ImportDirectoryCommand, DirectoryImportResult>
{
    public async ValueTask<DirectoryImportResult> Handle(ImportDirectoryCommand command, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Id == command.TenantId, cancellationToken)
            ?? throw new NotFoundException("Workspace");
        if (tenant.Status != TenantStatus.Active)
        {
            return DirectoryImportResult.Failed(DirectoryImportOutcome.WorkspaceNotActive);
        }

        using var scope = tenantContext.BeginScope(tenant.Id);
        var state = await DirectorySyncStates.LoadOrAddAsync(db, tenant.Id, cancellationToken);

        var now = clock.GetUtcNow();
        try
        {
            try
            {
                return await ImportAsync(tenant, state, cancellationToken);
            }
            catch (DeltaLinkExpiredException)
            {
                // The full import may meet throttling or a revocation too: the common answer below applies to it as well.
                state.ForgetDeltaLink();
                return await ImportAsync(tenant, state, cancellationToken);
            }
        }
        catch (Exception ex) when (ProviderFailures.Answers(ex))
        {
            var failures = new ProviderFailures(db, clock, tenant, "the directory sync");
            var failure = await failures.ApplyAsync(ex, f => state.Failed(f.StatusMessage, now), cancellationToken);
            return DirectoryImportResult.Failed(failure);
        }
    }

    private async Task<DirectoryImportResult> ImportAsync(Tenant tenant, DirectorySyncState state, CancellationToken cancellationToken)
    {
        var isFullImport = state.DeltaLink is null;
        var pendingSignUps = await db.PendingSignUps
            .Where(p => p.ExternalTenantId == tenant.ExternalTenantId)
            .Select(p => new { p.ObjectId, p.Email })
            .ToListAsync(cancellationToken);
        var batch = new DirectoryPageImport(db, tenant, clock, mailboxes, state.LastSucceededAt is null, pendingSignUps.Select(p => p.ObjectId).Concat(pendingSignUps.Select(p => p.Email)), recheckChangedMailboxes: !isFullImport);

        string? deltaLink = null;
        await foreach (var page in directory.ReadAsync(tenant.ExternalTenantId, state.DeltaLink, cancellationToken))
        {
            await batch.ApplyAsync(page, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            deltaLink = page.DeltaLink ?? deltaLink;
        }

        if (deltaLink is null)
        {
            throw new ProviderUnavailableException("The directory ended without a delta link.");
        }

        if (isFullImport)
        {
            await batch.RemoveUnseenAsync(cancellationToken);
        }

        var activeCount = await db.People.CountAsync(p => p.Status != Domain.People.PersonStatus.Removed, cancellationToken);
        state.Succeeded(deltaLink, activeCount, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new DirectoryImportResult(DirectoryImportOutcome.Completed, batch.Added, batch.Updated, batch.Removed, isFullImport, NotImported: batch.NotImported);
    }
}
