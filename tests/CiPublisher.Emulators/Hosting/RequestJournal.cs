using System.Collections.Concurrent;

namespace CiPublisher.Emulators.Hosting;

public sealed record JournalEntry(string Method, string Path, string Query, int? StatusCode, IReadOnlyDictionary<string, string> Headers);

/// <summary>Every request an emulator received, so tests can count calls and prove none was made.</summary>
public sealed class RequestJournal
{
    private readonly ConcurrentQueue<JournalEntry> _entries = new();

    public IReadOnlyList<JournalEntry> Entries => [.. _entries];

    public int Count => _entries.Count;

    public int CountOf(string method, string pathPrefix) =>
        _entries.Count(e => string.Equals(e.Method, method, StringComparison.OrdinalIgnoreCase)
                            && e.Path.StartsWith(pathPrefix, StringComparison.Ordinal));

    internal void Add(JournalEntry entry) => _entries.Enqueue(entry);
}
