using Mediator;
using WorkSights.Application.Common.Audit;

namespace WorkSights.Application.Accounts.SetScoreVisibility;

public sealed class SetScoreVisibilityCommandHandler(WorkspaceSettingChange setting) : ICommandHandler<SetScoreVisibilityCommand>
{
    public async ValueTask<Unit> Handle(SetScoreVisibilityCommand command, CancellationToken cancellationToken)
    {
        await setting.ApplyAsync(
            AccountAuditActions.ScoreVisibilityChanged, "Score visibility", t => Words(t.ScoresVisibleToMembers), t => t.ShowScoresToMembers(command.ShowScoresToMembers), cancellationToken);
        return Unit.Value;
    }

    public static string Words(bool visible) => visible ? "Members see scores" : "Scores hidden from Members";
}
