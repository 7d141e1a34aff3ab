namespace CiPublisher.Core.Http;

/// <summary>Where upload progress goes: log lines in CI, a live bar in a terminal.</summary>
public interface ITransferProgress
{
    void Report(string name, long sentBytes, long totalBytes, TimeSpan elapsed);

    void Completed(string name, long totalBytes, TimeSpan elapsed);
}

public sealed class NoTransferProgress : ITransferProgress
{
    public static NoTransferProgress Instance { get; } = new();

    public void Report(string name, long sentBytes, long totalBytes, TimeSpan elapsed) { }

    public void Completed(string name, long totalBytes, TimeSpan elapsed) { }
}
