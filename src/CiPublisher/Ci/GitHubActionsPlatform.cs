using System.Text;
using System.Text.Json;
using CiPublisher.Core.Settings;
using Microsoft.Extensions.Logging;

namespace CiPublisher.Ci;

/// <summary>
/// GitHub Actions: outputs and summary through the files the runner names (GITHUB_OUTPUT,
/// GITHUB_STEP_SUMMARY), masks, groups and annotations as workflow commands on stdout.
/// </summary>
public sealed class GitHubActionsPlatform(IReadOnlyDictionary<string, string> environment, TextWriter stdout) : ICiPlatform
{
    /// <summary>GitHub drops a step summary over 1 MiB entirely, so the program keeps under it.</summary>
    public const int SummaryLimitBytes = 1024 * 1024;

    private const string TruncationNote = "\n\n> **Summary cut:** it exceeded GitHub's 1 MiB step-summary limit; the `result` output has everything.\n";

    private readonly object _gate = new();

    public string Name => "GitHub Actions";

    public bool IsInteractive => false;

    /// <summary>"Enable debug logging" on a re-run, or the ACTIONS_STEP_DEBUG secret, sets RUNNER_DEBUG=1.</summary>
    public bool MayShowSecretOnce => false;

    public bool IsDebug => environment.GetValueOrDefault("RUNNER_DEBUG") == "1";

    public void Mask(string value)
    {
        lock (_gate) stdout.WriteLine($"::add-mask::{WorkflowCommandEscaping.Message(value)}");
        stdout.Flush();
    }

    public void SetOutput(string name, string value)
    {
        if (environment.GetValueOrDefault("GITHUB_OUTPUT") is not { Length: > 0 } path)
        {
            lock (_gate) stdout.WriteLine($"output {name}={value}");
            return;
        }
        File.AppendAllText(path, FileCommand(name, value), new UTF8Encoding(false));
    }

    /// <summary>
    /// <c>name=value</c>, or for a multi-line value a heredoc with a fresh random delimiter,
    /// which can therefore never appear inside the value.
    /// </summary>
    public static string FileCommand(string name, string value)
    {
        if (!value.Contains('\n') && !value.Contains('\r')) return $"{name}={value}\n";
        string delimiter;
        do delimiter = $"ghadelimiter_{Guid.NewGuid():N}";
        while (value.Contains(delimiter, StringComparison.Ordinal));
        return $"{name}<<{delimiter}\n{value}\n{delimiter}\n";
    }

    public void AppendSummary(string markdown)
    {
        if (environment.GetValueOrDefault("GITHUB_STEP_SUMMARY") is not { Length: > 0 } path) return;
        var existing = File.Exists(path) ? new FileInfo(path).Length : 0;
        File.AppendAllText(path, Cap(markdown, SummaryLimitBytes - (int)Math.Min(existing, SummaryLimitBytes)), new UTF8Encoding(false));
    }

    /// <summary>Cuts the Markdown at a line boundary so it fits <paramref name="budgetBytes"/>, with a note saying so.</summary>
    public static string Cap(string markdown, int budgetBytes)
    {
        if (Encoding.UTF8.GetByteCount(markdown) <= budgetBytes) return markdown;
        var room = budgetBytes - Encoding.UTF8.GetByteCount(TruncationNote);
        if (room <= 0) return "";
        var builder = new StringBuilder();
        var used = 0;
        foreach (var line in markdown.Split('\n'))
        {
            var size = Encoding.UTF8.GetByteCount(line) + 1;
            if (used + size > room) break;
            builder.Append(line).Append('\n');
            used += size;
        }
        return builder.Append(TruncationNote).ToString();
    }

    public string FormatLogLine(LogLevel level, string message) => level switch
    {
        LogLevel.Error or LogLevel.Critical => $"::error title=CiPublisher::{WorkflowCommandEscaping.Message(message)}",
        LogLevel.Warning => $"::warning title=CiPublisher::{WorkflowCommandEscaping.Message(message)}",
        LogLevel.Debug or LogLevel.Trace => $"::debug::{WorkflowCommandEscaping.Message(message)}",
        _ => message,
    };

    public void BeginGroup(string title)
    {
        lock (_gate) stdout.WriteLine($"::group::{WorkflowCommandEscaping.Message(title)}");
    }

    public void EndGroup()
    {
        lock (_gate) stdout.WriteLine("::endgroup::");
    }

    public RunContext ReadContext()
    {
        string? Get(string name) => environment.GetValueOrDefault(name) is { Length: > 0 } v ? v : null;
        var server = Get("GITHUB_SERVER_URL") ?? "https://github.com";
        var repository = Get("GITHUB_REPOSITORY");
        var runId = Get("GITHUB_RUN_ID");
        return new RunContext
        {
            Platform = "github",
            Repository = repository,
            Ref = Get("GITHUB_REF"),
            RefName = Get("GITHUB_REF_NAME"),
            IsTag = Get("GITHUB_REF_TYPE") == "tag" || (Get("GITHUB_REF")?.StartsWith("refs/tags/", StringComparison.Ordinal) ?? false),
            Sha = Get("GITHUB_SHA"),
            EventName = Get("GITHUB_EVENT_NAME"),
            IsPullRequest = Get("GITHUB_EVENT_NAME")?.StartsWith("pull_request", StringComparison.Ordinal) == true,
            RunUrl = repository is not null && runId is not null ? $"{server.TrimEnd('/')}/{repository}/actions/runs/{runId}" : null,
            PullRequestNumber = PullRequestNumber(Get("GITHUB_EVENT_PATH"), Get("GITHUB_REF")),
        };
    }

    /// <summary>From the event payload of pull_request runs, else from <c>refs/pull/N/merge</c>.</summary>
    private static int? PullRequestNumber(string? eventPath, string? gitRef)
    {
        if (eventPath is not null && File.Exists(eventPath))
        {
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllText(eventPath));
                if (document.RootElement.TryGetProperty("pull_request", out var pr) && pr.TryGetProperty("number", out var number)
                    && number.TryGetInt32(out var value))
                    return value;
            }
            catch (JsonException)
            {
                // A payload we cannot read only costs the PR comment its number; the ref may still give it.
            }
        }
        var parts = gitRef?.Split('/');
        return parts is ["refs", "pull", var n, ..] && int.TryParse(n, out var fromRef) ? fromRef : null;
    }
}
