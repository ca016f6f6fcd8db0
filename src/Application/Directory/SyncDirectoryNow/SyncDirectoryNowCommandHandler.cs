using Mediator;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Directory.ImportDirectory;
using WorkSights.Application.Ingestion.RecordThrottling;

namespace WorkSights.Application.Directory.SyncDirectoryNow;

public sealed class SyncDirectoryNowCommandHandler(ITenantContext tenantContext, IMediator mediator)
    : ICommandHandler<SyncDirectoryNowCommand, DirectoryImportResult>
{
    public async ValueTask<DirectoryImportResult> Handle(SyncDirectoryNowCommand command, CancellationToken cancellationToken)
    {
        var tenantId = tenantContext.TenantId ?? throw new NotFoundException("Workspace");
        var result = await mediator.Send(new ImportDirectoryCommand(tenantId), cancellationToken);
        if (result is { Outcome: DirectoryImportOutcome.Throttled, NotBefore: { } notBefore })
        {
            await mediator.Send(new RecordThrottlingCommand(tenantId, notBefore), cancellationToken);
        }

        return result;
    }
}
