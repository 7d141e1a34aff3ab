namespace CiPublisher.Core.Targets.AltStore.Source;

/// <summary>
/// The source file cannot be updated as asked (not found, not JSON, app missing, result invalid). The message says why,
/// briefly; <see cref="Problems"/> holds every problem found, for the result JSON.
/// </summary>
public sealed class AltSourceException(string message, IReadOnlyList<string>? problems = null) : Exception(message)
{
    public IReadOnlyList<string> Problems { get; } = problems ?? [];
}
