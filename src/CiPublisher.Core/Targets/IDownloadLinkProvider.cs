using CiPublisher.Core.Reporting;

namespace CiPublisher.Core.Targets;

/// <summary>
/// A target whose items name the artifact they are about and, once it is public, carry its direct download link as
/// the link named <see cref="Publication.DownloadUrl"/>: another target of the same run may point at it (<see cref="RunDownloadLinks"/>).
/// </summary>
public interface IDownloadLinkProvider : IPublishTarget
{
    /// <summary>Which link is taken when several targets give one: the lowest rank (INTERFACE.md: Fenfa's, then the release asset's).</summary>
    int DownloadLinkRank { get; }
}
