using Mediator;
using WorkSights.Application.Common.Audit;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.Tenants;

namespace WorkSights.Application.Accounts.SetPrivacyMode;

public sealed class SetPrivacyModeCommandHandler(WorkspaceSettingChange setting, IPseudonymKeys pseudonymKeys) : ICommandHandler<SetPrivacyModeCommand>
{
    public async ValueTask<Unit> Handle(SetPrivacyModeCommand command, CancellationToken cancellationToken)
    {
        await setting.ApplyAsync(
            AccountAuditActions.PrivacyModeChanged,
            "Privacy mode",
            Words,
            tenant =>
            {
                if (command.On)
                {
                    tenant.TurnOnPrivacyMode(command.MinimumGroupSize, pseudonymKeys.NewProtectedKey);
                }
                else
                {
                    tenant.TurnOffPrivacyMode();
                }
            },
            cancellationToken);
        return Unit.Value;
    }

    public static string Words(Tenant tenant) =>
        tenant.PrivacyModeOn ? $"On: pseudonyms, groups of {tenant.MinimumGroupSize} or more" : "Off: names shown";
}
