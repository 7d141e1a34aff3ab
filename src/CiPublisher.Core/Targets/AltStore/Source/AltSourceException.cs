namespace CiPublisher.Core.Targets.AltStore.Source;

/// <summary>The source file cannot be updated as asked (not found, not JSON, app missing, result invalid). The message says why.</summary>
public sealed class AltSourceException(string message) : Exception(message);
