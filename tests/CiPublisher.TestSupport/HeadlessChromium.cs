using System.Diagnostics;

namespace CiPublisher.TestSupport;

/// <summary>
/// Debian's Chromium, headless, turning a page into a PNG as a browser shows it: the images it references fetched,
/// laid out at the given window size. <see cref="Path"/> is null where Chromium is not installed.
/// </summary>
public static class HeadlessChromium
{
    public static string? Path { get; } = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);

    public static async Task<byte[]> ScreenshotAsync(string htmlFile, int width, int height, CancellationToken cancellationToken)
    {
        var output = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"chromium-shot-{Guid.NewGuid():N}.png");
        var profile = Directory.CreateTempSubdirectory("chromium-profile-").FullName;
        try
        {
            var start = new ProcessStartInfo(Path ?? throw new InvalidOperationException("Chromium is not installed"))
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            foreach (var argument in new[]
                     {
                         "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1",
                         $"--user-data-dir={profile}", $"--window-size={width},{height}",
                         // Virtual time runs until the page and its images have loaded, up to this budget.
                         "--virtual-time-budget=10000", $"--screenshot={output}", new Uri(htmlFile).AbsoluteUri,
                     })
                start.ArgumentList.Add(argument);
            using var chromium = Process.Start(start)!;
            var errors = chromium.StandardError.ReadToEndAsync(cancellationToken);
            await chromium.StandardOutput.ReadToEndAsync(cancellationToken);
            await chromium.WaitForExitAsync(cancellationToken);
            if (!File.Exists(output)) throw new InvalidOperationException($"Chromium made no screenshot (exit {chromium.ExitCode}): {await errors}");
            return await File.ReadAllBytesAsync(output, cancellationToken);
        }
        finally
        {
            File.Delete(output);
            Directory.Delete(profile, recursive: true);
        }
    }
}
