namespace CiPublisher.Core.Targets.AltStore;

/// <summary>
/// AltStore's onboarding token. Formatting it (a log template, string interpolation) shows the mask, so only a
/// deliberate <see cref="Reveal"/> can print it.
/// </summary>
public sealed class SecurityToken(string value, DateTimeOffset? expiration)
{
    public DateTimeOffset? Expiration { get; } = expiration;

    public string Reveal() => value;

    public override string ToString() => Security.SecretRegistry.Mask;
}
