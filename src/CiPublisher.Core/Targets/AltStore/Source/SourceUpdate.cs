namespace CiPublisher.Core.Targets.AltStore.Source;

/// <summary>What updating the source file did (or, in a dry run, would do).</summary>
/// <param name="Warnings">Problems the file already had and the update left as they were: reported, not blocking.</param>
public sealed record SourceUpdate(SourceEdit Edit, string AppName, bool Written, SourceKind Kind, IReadOnlyList<string> Warnings);
