using CiPublisher.Core.Http;
using CiPublisher.Core.Reporting;
using Microsoft.Extensions.Logging;

namespace CiPublisher.Ci;

/// <summary>Upload progress as log lines every 10 % or 10 s in CI logs, as a live bar in a terminal.</summary>
public sealed class ConsoleTransferProgress(ILogger<ConsoleTransferProgress> logger, bool interactive, TextWriter terminal) : ITransferProgress
{
    private static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(10);
    private readonly Dictionary<string, (int Decile, TimeSpan LoggedAt)> _lastLogged = [];

    public void Report(string name, long sentBytes, long totalBytes, TimeSpan elapsed)
    {
        var fraction = totalBytes == 0 ? 1 : sentBytes / (double)totalBytes;
        var rate = elapsed.TotalSeconds > 0 ? sentBytes / elapsed.TotalSeconds : 0;
        if (interactive)
        {
            var filled = (int)(fraction * 30);
            lock (terminal)
                terminal.Write($"\r{name} [{new string('#', filled)}{new string('.', 30 - filled)}] {fraction:P0} {Readable.Size((long)rate)}/s   ");
            return;
        }
        var decile = (int)(fraction * 10);
        lock (_lastLogged)
        {
            var last = _lastLogged.GetValueOrDefault(name);
            if (decile <= last.Decile && elapsed - last.LoggedAt < LogInterval) return;
            _lastLogged[name] = (decile, elapsed);
        }
        logger.LogInformation("{Name}: {Sent} of {Total} ({Fraction:P0}), {Rate}/s", name, Readable.Size(sentBytes),
            Readable.Size(totalBytes), fraction, Readable.Size((long)rate));
    }

    public void Completed(string name, long totalBytes, TimeSpan elapsed)
    {
        if (interactive) lock (terminal) terminal.WriteLine();
        var rate = elapsed.TotalSeconds > 0 ? totalBytes / elapsed.TotalSeconds : 0;
        logger.LogInformation("{Name}: {Total} done in {Seconds:0.#}s ({Rate}/s)", name, Readable.Size(totalBytes),
            elapsed.TotalSeconds, Readable.Size((long)rate));
    }
}
