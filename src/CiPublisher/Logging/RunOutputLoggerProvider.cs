using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace CiPublisher.Logging;

/// <summary>
/// Writes each log line, as <paramref name="formatter"/> shapes it, to the run's standard output at once. The console
/// logger writes to the process's console from a background queue, so its lines could land after a workflow command
/// the platform wrote later (a group's end), and a run hosted in another process (the sandbox, a test) would lose them.
/// </summary>
public sealed class RunOutputLoggerProvider(ConsoleFormatter formatter, TextWriter output) : ILoggerProvider
{
    private readonly Lock _gate = new();

    public ILogger CreateLogger(string categoryName) => new RunOutputLogger(categoryName, this);

    public void Dispose()
    {
    }

    private void Write<TState>(in LogEntry<TState> entry)
    {
        using var line = new StringWriter(CultureInfo.InvariantCulture);
        formatter.Write(entry, scopeProvider: null, line);
        lock (_gate)
        {
            output.Write(line.ToString());
            output.Flush();
        }
    }

    private sealed class RunOutputLogger(string category, RunOutputLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) provider.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter));
        }
    }
}
