using CiPublisher.Ci;
using CiPublisher.Core.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace CiPublisher.Logging;

/// <summary>
/// One plain line per message for CI logs: no ANSI colour codes, no category noise, every registered secret
/// redacted, and warnings and errors raised as the platform's annotations.
/// </summary>
public sealed class CiConsoleFormatter(ICiPlatform platform, SecretRegistry secrets) : ConsoleFormatter("ci")
{
    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (logEntry.Exception is not null && logEntry.LogLevel >= LogLevel.Error)
            message += $" ({logEntry.Exception.GetType().Name}: {logEntry.Exception.Message})";
        textWriter.WriteLine(platform.FormatLogLine(logEntry.LogLevel, secrets.Redact(message)));
    }
}
