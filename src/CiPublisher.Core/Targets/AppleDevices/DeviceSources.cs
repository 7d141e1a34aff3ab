using CiPublisher.Core.Settings;
using CiPublisher.Core.Apple;

namespace CiPublisher.Core.Targets.AppleDevices;

/// <summary>Reads and merges every device source the inputs name: <c>apple-devices</c>, <c>apple-devices-file</c>, Fenfa.</summary>
public sealed class DeviceSources(RunScope scope, AppleSettings apple, IEnumerable<IDeviceSource> services)
{
    public bool Any => Apple.Devices.Count > 0 || Apple.DevicesFile is not null || Apple.DevicesFromFenfa;

    private AppleSettings Apple => apple;

    public async Task<DeviceCandidates> ReadAsync(CancellationToken cancellationToken)
    {
        var requests = new List<DeviceRequest>(DeviceListParser.ParseLines(Apple.Devices));
        if (Apple.DevicesFile is { } file) requests.AddRange(ReadFile(file));
        if (!Apple.DevicesFromFenfa) return DeviceCandidates.From(requests);

        var fenfa = services.FirstOrDefault(s => s.Input == AppleInputs.DevicesFromFenfa.Name)
                    ?? throw new InvalidOperationException("apple-devices-from-fenfa needs fenfa-url and a Fenfa admin token (fenfa-token)");
        var bound = await fenfa.ReadAsync(cancellationToken);
        requests.AddRange(bound.Requests);
        return DeviceCandidates.From(requests) with { Notes = [bound.Note] };
    }

    private IReadOnlyList<DeviceRequest> ReadFile(string file)
    {
        var path = Path.IsPathRooted(file) ? file : Path.Combine(scope.WorkingDirectory, file);
        if (!File.Exists(path)) throw new FileNotFoundException($"{AppleInputs.DevicesFile.Name}: no file '{file}' in the working directory");
        using var reader = new StreamReader(path);
        return DeviceListParser.ParseAppleFile(reader, Path.GetFileName(path));
    }
}
