namespace WorkSights.Domain.Ingestion;

public enum ConnectionStatus
{
    Connected = 1,
    Syncing = 2,
    Throttled = 3,
    AuditLogNotEnabled = 4,
    ConsentRevoked = 5,
    Error = 6,
    Disconnected = 7,
}
