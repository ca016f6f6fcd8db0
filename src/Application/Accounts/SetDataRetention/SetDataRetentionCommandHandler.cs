using System.Globalization;
using Mediator;
using WorkSights.Application.Common.Audit;

namespace WorkSights.Application.Accounts.SetDataRetention;

public sealed class SetDataRetentionCommandHandler(WorkspaceSettingChange setting) : ICommandHandler<SetDataRetentionCommand>
{
    public async ValueTask<Unit> Handle(SetDataRetentionCommand command, CancellationToken cancellationToken)
    {
        await setting.ApplyAsync(AccountAuditActions.RetentionChanged, "Data retention", t => Words(t.RetentionDays), t => t.KeepActivitiesFor(command.Days), cancellationToken);
        return Unit.Value;
    }

    public static string Words(int? days) => days is { } kept
        ? string.Create(CultureInfo.InvariantCulture, $"Activities and results kept {kept} days")
        : "Activities and results kept until the workspace is deleted";
}
