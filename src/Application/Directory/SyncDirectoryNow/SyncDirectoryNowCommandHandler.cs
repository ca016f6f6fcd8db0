using Mediator;
using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Application.Directory.ImportDirectory;

namespace WorkSights.Application.Directory.SyncDirectoryNow;

public sealed class SyncDirectoryNowCommandHandler(ITenantContext tenantContext, IMediator mediator)
    : ICommandHandler<SyncDirectoryNowCommand, DirectoryImportResult>
{
    public async ValueTask<DirectoryImportResult> Handle(SyncDirectoryNowCommand command, CancellationToken cancellationToken)
    {
        var tenantId = tenantContext.TenantId ?? throw new NotFoundException("Workspace");
        return await mediator.Send(new ImportDirectoryCommand(tenantId), cancellationToken);
    }
}
