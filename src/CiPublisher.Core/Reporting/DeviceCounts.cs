namespace CiPublisher.Core.Reporting;

/// <summary>What the device registration came to, for the release section and the comment.</summary>
public sealed record DeviceCounts(int Registered, int Reenabled, int Existing, int Invalid);
