namespace CiPublisher.Tests.Cli;

/// <summary>
/// Names that INTERFACE.md already promises for an issue still open, with that issue. The convention tests let them
/// be missing, and fail as soon as one exists, so an entry is removed in the change that makes it real.
/// </summary>
internal static class PlannedInterface
{
    public static readonly IReadOnlyDictionary<string, int> Inputs = new Dictionary<string, int>
    {
    };

    public static readonly IReadOnlyDictionary<string, int> Outputs = new Dictionary<string, int>
    {
    };
}
