namespace CiPublisher.Core.Targets.AltStore;

/// <summary>How the onboarding security token reaches the developer; the caller knows whether it runs in CI, Core does not.</summary>
public enum TokenDelivery
{
    /// <summary>A developer's terminal: the token comes back in <see cref="OnboardingResult.Token"/> for the caller to print once.</summary>
    ReturnToCaller,

    /// <summary>CI: never into a log; written to a file in the working directory whose path the result reports.</summary>
    WriteToFile,
}
