namespace CiPublisher.Core.Targets.AppleDevices;

/// <summary>One device a user asked to have registered, as read from a source, not yet checked.</summary>
/// <param name="Source">Where it came from, for messages: "apple-devices line 3", "Fenfa".</param>
/// <param name="PlatformProblem">Why the given platform could not be read, when it could not.</param>
public sealed record DeviceRequest(string Udid, string? Name, DevicePlatform? Platform, string Source, string? PlatformProblem = null);
