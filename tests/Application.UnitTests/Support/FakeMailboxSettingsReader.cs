using WorkSights.Application.Common.Exceptions;
using WorkSights.Application.Common.Interfaces;
using WorkSights.Domain.People;

namespace WorkSights.Application.UnitTests.Support;

/// <summary>Mailbox purposes as scripted (a person's unless told otherwise), with every mailbox it was asked about.</summary>
internal sealed class FakeMailboxSettingsReader : IMailboxSettingsReader
{
    private readonly Dictionary<string, MailboxPurpose> purposes = new(StringComparer.OrdinalIgnoreCase);

    public List<string> PurposeReads { get; } = [];

    /// <summary>When set, every purpose read is refused as if MailboxSettings.Read was never granted.</summary>
    public bool PermissionMissing { get; set; }

    public FakeMailboxSettingsReader With(string externalId, MailboxPurpose purpose)
    {
        purposes[externalId] = purpose;
        return this;
    }

    public Task<MailboxSettingsSnapshot> ReadAsync(string externalTenantId, string mailbox, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The directory import reads only mailbox purposes.");

    public Task<MailboxPurpose> ReadPurposeAsync(string externalTenantId, string mailbox, CancellationToken cancellationToken)
    {
        lock (PurposeReads)
        {
            PurposeReads.Add(mailbox);
        }

        if (PermissionMissing)
        {
            throw new PermissionNotGrantedException("MailboxSettings.Read");
        }

        return purposes.TryGetValue(mailbox, out var purpose) ? Task.FromResult(purpose) : Task.FromResult(MailboxPurpose.Person);
    }
}
