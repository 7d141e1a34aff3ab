namespace CiPublisher.Core.Targets.AltStore;

/// <summary>Where <c>altstore-adp-host</c> puts the processed ADP.</summary>
public enum AdpHostKind
{
    /// <summary>Nowhere: the source points at AltStore's own (expiring) link, or at <c>altstore-hosted-url</c>.</summary>
    None,

    /// <summary>The assets of the tag's GitHub release, listed in the version's <c>assetURLs</c>.</summary>
    GitHubRelease,
}
