using System.Collections.Concurrent;
using CiPublisher.Core.Http;

namespace CiPublisher.IntegrationTests.Aptoide;

public sealed class RecordingProgress : ITransferProgress
{
    private readonly ConcurrentQueue<(string Name, long Bytes)> _completed = new();

    public IReadOnlyList<(string Name, long Bytes)> Completed => [.. _completed];

    public void Report(string name, long sentBytes, long totalBytes, TimeSpan elapsed) { }

    void ITransferProgress.Completed(string name, long totalBytes, TimeSpan elapsed) => _completed.Enqueue((name, totalBytes));
}
