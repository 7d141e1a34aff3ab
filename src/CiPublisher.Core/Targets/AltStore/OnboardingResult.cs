using CiPublisher.Core.Reporting;

namespace CiPublisher.Core.Targets.AltStore;

/// <summary>The onboarding's report (never holding the token) and, for <see cref="TokenDelivery.ReturnToCaller"/>, the token.</summary>
public sealed record OnboardingResult(TargetResult Result, SecurityToken? Token);
