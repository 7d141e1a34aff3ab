namespace CiPublisher.Core.Targets.AltStore.Source;

public enum SourceEdit
{
    /// <summary>A new entry went to the top of <c>versions</c>.</summary>
    Added,

    /// <summary>An entry with the same version and build was updated in place (a re-run with a new link).</summary>
    Replaced,

    /// <summary>The same version and build already had exactly this content: the file is left alone.</summary>
    Unchanged,
}
