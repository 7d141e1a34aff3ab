namespace CiPublisher.Core.Apple;

/// <summary>
/// An App Store Connect key input is unusable (malformed, wrong curve, missing key id). An input error:
/// found before any network call. The message names the input and never quotes key material.
/// </summary>
public sealed class AppleKeyException : Exception
{
    public AppleKeyException(string input, string problem)
        : base($"{input}: {problem}")
    {
        Input = input;
        Problem = problem;
    }

    /// <summary>What is wrong, without the input's name.</summary>
    public string Problem { get; }

    /// <summary>The input as users spell it: "apple-private-key", "apple-key-id".</summary>
    public string Input { get; }
}
