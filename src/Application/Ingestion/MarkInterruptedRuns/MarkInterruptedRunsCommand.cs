using Mediator;
using WorkSights.Application.Common.Security;

namespace WorkSights.Application.Ingestion.MarkInterruptedRuns;

/// <summary>
/// At start-up: a sync run still marked as running belonged to a process that is gone. It is marked interrupted and the
/// next run is due at once, so Service View never shows a dead process's progress as current.
/// </summary>
[SentByWorkSights("the sync job, at start")]
public sealed record MarkInterruptedRunsCommand : ICommand<int>;
