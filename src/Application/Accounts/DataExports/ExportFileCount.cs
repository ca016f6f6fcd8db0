namespace WorkSights.Application.Accounts.DataExports;

/// <summary>How many rows a file of an export will hold.</summary>
public sealed record ExportFileCount(string Name, int Rows);
