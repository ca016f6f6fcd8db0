using Mediator;

namespace WorkSights.Application.Ingestion.MarkInterruptedRuns;

/// <summary>
/// At start-up: a sync run still marked as running belonged to a process that is gone. It is marked interrupted and the
/// next run is due at once, so Service View never shows a dead process's progress as current.
/// </summary>
public sealed record MarkInterruptedRunsCommand : ICommand<int>;
