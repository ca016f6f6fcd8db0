using Mediator;
using WorkSights.Application.Common.Audit;

namespace WorkSights.Application.Directory.SetJoinerAcceptance;

public sealed class SetJoinerAcceptanceCommandHandler(WorkspaceSettingChange setting) : ICommandHandler<SetJoinerAcceptanceCommand>
{
    public const string AuditAction = "provisioning.joiners.changed";

    public async ValueTask<Unit> Handle(SetJoinerAcceptanceCommand command, CancellationToken cancellationToken)
    {
        await setting.ApplyAsync(
            AuditAction, "Accept joiners automatically", t => Words(t.AcceptsJoinersAutomatically), t => t.AcceptJoinersAutomatically(command.AcceptAutomatically), cancellationToken);
        return Unit.Value;
    }

    public static string Words(bool accept) => accept ? "Joiners are accepted automatically" : "Joiners wait as New for review";
}
