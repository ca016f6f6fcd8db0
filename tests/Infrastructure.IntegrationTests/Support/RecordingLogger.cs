using Microsoft.Extensions.Logging;

namespace WorkSights.Infrastructure.IntegrationTests.Support;

/// <summary>A logger that keeps every message written at warning level or above, for tests that expect a problem to be logged.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly List<string> warnings = [];

    public IReadOnlyList<string> Warnings
    {
        get
        {
            lock (warnings)
            {
                return [.. warnings];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (logLevel >= LogLevel.Warning)
        {
            lock (warnings)
            {
                warnings.Add(formatter(state, exception));
            }
        }
    }
}
