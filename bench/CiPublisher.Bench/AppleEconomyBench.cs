using System.Globalization;
using System.Security.Cryptography;
using CiPublisher.Emulators.AppStoreConnect;
using CiPublisher.Emulators.Hosting;

namespace CiPublisher.Bench;

/// <param name="ListPages">GET /v1/devices (the first page and each links.next).</param>
/// <param name="Creates">POST /v1/devices.</param>
/// <param name="Others">Every other request, 401s included.</param>
/// <param name="Refused">Requests answered with anything but 2xx.</param>
/// <param name="Registered">Devices the emulator holds afterwards that it did not hold before.</param>
internal sealed record AppleRun(int ListPages, int Creates, int Others, int Refused, int Registered, string Calls);

/// <summary>
/// Goal 5 (App Store Connect): a team with 1,000 registered devices, and a run of <c>register-devices</c> with 10 new
/// UDIDs in Apple's device list format. The goal: 5 list pages (200 a page) and 10 creates, nothing else.
/// </summary>
internal static class AppleEconomyBench
{
    public const int Existing = 1000;
    public const int New = 10;

    /// <summary>1,000 devices at 200 a page, the largest <c>limit</c> Apple takes.</summary>
    public const int ExpectedListPages = (Existing + AppStoreConnectEmulator.MaxLimit - 1) / AppStoreConnectEmulator.MaxLimit;

    private const string KeyId = "B3NCH4X9Q2";
    private const string IssuerId = "5d0c2f4e-8a71-4c3b-9e26-b1a7f03d6c58";

    public static async Task<AppleRun> RunAsync(Options options, string program)
    {
        var folder = Directory.CreateDirectory(Path.Combine(options.Work, "apple")).FullName;
        var scratch = Directory.CreateDirectory(Path.Combine(options.Work, "scratch")).FullName;
        try
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            // As a user passes it: the .p8 file's path. The key stays in this file, readable by its owner only.
            var keyFile = Path.Combine(folder, $"AuthKey_{KeyId}.p8");
            await using (var stream = new FileStream(keyFile, new FileStreamOptions
                         {
                             Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
                         }))
            await using (var writer = new StreamWriter(stream))
            {
                await writer.WriteAsync(key.ExportPkcs8PrivateKeyPem());
            }

            // Apple's device list format (Certificates, Identifiers & Profiles → Devices → Upload).
            var devicesFile = Path.Combine(folder, "devices.txt");
            await File.WriteAllLinesAsync(devicesFile, Enumerable.Range(0, New)
                .Select(i => string.Create(CultureInfo.InvariantCulture, $"00008120-{0xBE0C0000 + i:X16}\tBench iPhone {i}\tIOS"))
                .Prepend("Device ID\tDevice Name\tDevice Platform"));

            await using var emulator = new AppStoreConnectEmulator(key, KeyId, IssuerId);
            await emulator.StartAsync();
            for (var i = 0; i < Existing; i++)
                emulator.AddDevice(string.Create(CultureInfo.InvariantCulture, $"00008110-{i:X16}"), $"Device {i}");

            var command = $"{Contender.Launch(program)} register-devices --apple-key-id {KeyId} --apple-issuer-id {IssuerId} " +
                          $"--apple-private-key {Contender.Quote(keyFile)} --apple-api-url {emulator.BaseUrl} " +
                          $"--apple-devices-file {Contender.Quote(devicesFile)}";
            var figures = await Measured.RunAsync(command, scratch);
            if (figures.ExitCode != 0)
                throw new InvalidOperationException($"register-devices exited {figures.ExitCode}: {Measured.StderrOf(scratch)}");

            var entries = emulator.Journal.Entries;
            bool IsList(JournalEntry e) => e.Method == "GET" && e.Path == "/v1/devices";
            bool IsCreate(JournalEntry e) => e.Method == "POST" && e.Path == "/v1/devices";
            return new AppleRun(
                entries.Count(IsList),
                entries.Count(IsCreate),
                entries.Count(e => !IsList(e) && !IsCreate(e)),
                entries.Count(e => e.StatusCode is not (>= 200 and < 300)),
                emulator.Devices.Count - Existing,
                CallList(entries));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Each call as method, path (with the query of list pages: limit and cursor) and status; repeats folded as "× n".</summary>
    private static string CallList(IReadOnlyList<JournalEntry> entries)
    {
        var calls = entries.Select(e => $"{e.Method} {e.Path}{(e.Method == "GET" ? Uri.UnescapeDataString(e.Query) : "")} {e.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "(no answer)"}");
        var folded = new List<(string Call, int Count)>();
        foreach (var call in calls)
        {
            if (folded.Count > 0 && folded[^1].Call == call) folded[^1] = (call, folded[^1].Count + 1);
            else folded.Add((call, 1));
        }
        return string.Join(", ", folded.Select(f => f.Count == 1 ? f.Call : $"{f.Call} × {f.Count}"));
    }
}
