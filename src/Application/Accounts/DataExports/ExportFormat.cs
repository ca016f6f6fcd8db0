namespace WorkSights.Application.Accounts.DataExports;

public enum ExportFormat
{
    Csv,
    Json,
}
