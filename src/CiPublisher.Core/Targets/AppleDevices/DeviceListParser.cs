namespace CiPublisher.Core.Targets.AppleDevices;

/// <summary>Reads the <c>apple-devices</c> lines and Apple's device list file ("Device ID	Device Name	Device Platform").</summary>
public static class DeviceListParser
{
    /// <summary>
    /// Each entry is one line or several (newline-separated): UDID, then optional name and platform,
    /// separated by a tab, or by commas when the line has no tab.
    /// </summary>
    public static IReadOnlyList<DeviceRequest> ParseLines(IEnumerable<string> entries)
    {
        var lines = entries.SelectMany(e => e.Split('\n'));
        return Parse(lines, AppleInputs.Devices.Name, allowCommas: true);
    }

    /// <summary>Apple's upload format: tab-separated, with an optional header line.</summary>
    public static IReadOnlyList<DeviceRequest> ParseAppleFile(TextReader reader, string fileName)
    {
        var lines = new List<string>();
        while (reader.ReadLine() is { } line) lines.Add(line);
        return Parse(lines, fileName, allowCommas: false);
    }

    private static List<DeviceRequest> Parse(IEnumerable<string> lines, string source, bool allowCommas)
    {
        var requests = new List<DeviceRequest>();
        var number = 0;
        foreach (var raw in lines)
        {
            number++;
            var line = raw.Trim().TrimStart('\uFEFF');
            if (line.Length == 0 || line.StartsWith('#') || IsHeader(line)) continue;

            var fields = (line.Contains('\t') || !allowCommas ? line.Split('\t') : line.Split(','))
                .Select(f => f.Trim()).ToArray();
            var name = fields.Length > 1 && fields[1].Length > 0 ? fields[1] : null;
            DevicePlatform? platform = null;
            string? problem = null;
            try
            {
                platform = fields.Length > 2 ? DevicePlatforms.Parse(fields[2]) : null;
            }
            catch (FormatException e)
            {
                problem = e.Message;
            }
            requests.Add(new DeviceRequest(fields[0], name, platform, $"{source} line {number}", problem));
        }
        return requests;
    }

    private static bool IsHeader(string line) => line.StartsWith("Device ID", StringComparison.OrdinalIgnoreCase);
}
