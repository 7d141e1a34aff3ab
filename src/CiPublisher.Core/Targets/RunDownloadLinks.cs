using CiPublisher.Core.Reporting;

namespace CiPublisher.Core.Targets;

/// <summary>An artifact's public download link and the target that made it public.</summary>
public sealed record DownloadLink(string Target, Uri Url);

/// <summary>
/// The public download links the targets of one run give their artifacts, for a target that needs to point at one
/// (a Classic AltStore source at its .ipa). Targets run at once, so a reader waits until every
/// <see cref="IDownloadLinkProvider"/> of the run has finished; providers never wait on anyone, so nothing deadlocks.
/// </summary>
public sealed class RunDownloadLinks
{
    private readonly Lock _gate = new();
    private readonly List<string> _expected = [];
    private readonly Dictionary<string, TargetResult> _finished = new(StringComparer.Ordinal);
    // Done until providers are expected: a target run on its own (no runner, no provider) waits for nothing.
    private TaskCompletionSource _allFinished = Done();

    /// <summary>Called before the targets start, with the providers in order of preference.</summary>
    public void Expect(IEnumerable<string> providers)
    {
        lock (_gate)
        {
            _expected.AddRange(providers);
            if (_expected.Count > 0 && _allFinished.Task.IsCompleted) _allFinished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        CompleteWhenAllFinished();
    }

    private static TaskCompletionSource Done()
    {
        var done = new TaskCompletionSource();
        done.SetResult();
        return done;
    }

    public void Finished(string provider, TargetResult result)
    {
        lock (_gate) _finished[provider] = result;
        CompleteWhenAllFinished();
    }

    /// <summary>
    /// The link of the first provider (in the order expected) that published <paramref name="fileName"/>, once every
    /// provider has finished; null when none did, or when no provider runs.
    /// </summary>
    public async Task<DownloadLink?> ForAsync(string fileName, CancellationToken cancellationToken)
    {
        Task allFinished;
        lock (_gate) allFinished = _allFinished.Task;
        await allFinished.WaitAsync(cancellationToken);
        lock (_gate)
        {
            foreach (var provider in _expected)
            {
                var item = _finished[provider].Items.FirstOrDefault(i => i.Name == fileName && i.Outcome is Outcome.Succeeded or Outcome.AlreadyDone);
                if (item?.Published?.DownloadUrl is { } link && Uri.TryCreate(link, UriKind.Absolute, out var url)
                    && url.Scheme is "https" or "http")
                    return new DownloadLink(provider, url);
            }
        }
        return null;
    }

    private void CompleteWhenAllFinished()
    {
        lock (_gate)
        {
            if (_expected.All(_finished.ContainsKey)) _allFinished.TrySetResult();
        }
    }
}
