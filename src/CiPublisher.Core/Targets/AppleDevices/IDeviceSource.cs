namespace CiPublisher.Core.Targets.AppleDevices;

/// <summary>
/// A service that knows testers' devices (Fenfa's UDID bindings): the Apple devices target takes them as candidates
/// without knowing the service. Registered by the service's own module.
/// </summary>
public interface IDeviceSource
{
    /// <summary>The input that asks for this source, for messages ("apple-devices-from-fenfa").</summary>
    string Input { get; }

    Task<SourcedDevices> ReadAsync(CancellationToken cancellationToken);
}

/// <param name="Note">What the summary should say about how the devices were chosen.</param>
public sealed record SourcedDevices(IReadOnlyList<DeviceRequest> Requests, string Note);
