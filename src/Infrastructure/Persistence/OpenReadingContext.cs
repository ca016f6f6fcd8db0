namespace WorkSights.Infrastructure.Persistence;

/// <summary>
/// Opens a context of the same workspace on a connection of its own, to read while the caller's context writes (SQLite's
/// write-ahead log lets one reader run beside the writer). The caller disposes it.
/// </summary>
public delegate ApplicationDbContext OpenReadingContext();
