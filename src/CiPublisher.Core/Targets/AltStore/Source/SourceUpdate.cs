namespace CiPublisher.Core.Targets.AltStore.Source;

/// <summary>What updating the source file did (or, in a dry run, would do).</summary>
public sealed record SourceUpdate(SourceEdit Edit, string AppName, bool Written);
