namespace WorkSights.Application.Accounts.DataExports;

/// <summary>An export ready to be written: the download's file name (without extension) and its files in order.</summary>
public sealed record DataExport(string FileName, ExportFormat Format, IReadOnlyList<ExportTable> Tables);
