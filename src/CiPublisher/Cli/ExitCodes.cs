namespace CiPublisher.Cli;

/// <summary>The exit codes users' pipelines branch on (INTERFACE.md).</summary>
public static class ExitCodes
{
    /// <summary>Every enabled target succeeded or was already done.</summary>
    public const int Success = 0;

    /// <summary>At least one target failed.</summary>
    public const int TargetFailed = 1;

    /// <summary>Invalid input or configuration; nothing was attempted.</summary>
    public const int InvalidInput = 2;

    /// <summary>Cancelled by SIGINT or SIGTERM.</summary>
    public const int Cancelled = 130;
}
