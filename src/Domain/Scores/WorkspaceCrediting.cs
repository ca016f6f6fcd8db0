using WorkSights.Domain.Common;

namespace WorkSights.Domain.Scores;

/// <summary>
/// A workspace's own crediting table, with who set it last; a workspace without a row credits items with
/// <see cref="CreditingTable.Default"/>.
/// </summary>
public sealed class WorkspaceCrediting : ITenantOwned
{
    private WorkspaceCrediting()
    {
    }

    public Guid TenantId { get; private set; }

    public TimeSpan SentEmail { get; private set; }

    public TimeSpan CalendarResponse { get; private set; }

    public TimeSpan ChatMessage { get; private set; }

    public TimeSpan FileAction { get; private set; }

    public TimeSpan SignIn { get; private set; }

    public TimeSpan MaximumScored { get; private set; }

    public Guid ChangedBy { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    public CreditingTable Table => new(SentEmail, CalendarResponse, ChatMessage, FileAction, SignIn, MaximumScored);

    public static WorkspaceCrediting For(Guid tenantId, CreditingTable table, Guid changedBy, DateTimeOffset now)
    {
        if (tenantId == Guid.Empty)
        {
            throw new DomainRuleViolationException("A crediting table belongs to a workspace.");
        }

        var crediting = new WorkspaceCrediting { TenantId = tenantId };
        crediting.Change(table, changedBy, now);
        return crediting;
    }

    public void Change(CreditingTable table, Guid changedBy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(table);
        SentEmail = table.SentEmail;
        CalendarResponse = table.CalendarResponse;
        ChatMessage = table.ChatMessage;
        FileAction = table.FileAction;
        SignIn = table.SignIn;
        MaximumScored = table.MaximumScored;
        ChangedBy = changedBy;
        ChangedAt = now.ToUniversalTime();
    }
}
