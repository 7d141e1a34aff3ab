using CiPublisher.Core.Artifacts;
using CiPublisher.Core.Reporting;
using CiPublisher.Core.Security;
using CiPublisher.Core.Targets;
using FluentAssertions;
using Microsoft.Extensions.Logging;

namespace CiPublisher.Tests.Targets;

public sealed class TargetRunnerTests
{
    private const string Token = "tok-7Hq2Zp9Lx4Wm";

    [Fact]
    public async Task An_unexpected_exception_fails_only_its_target_and_leaves_a_redacted_stack_trace_for_a_debug_rerun()
    {
        var secrets = new SecretRegistry();
        secrets.Register(Token);
        var logger = new RecordingLogger();
        var runner = new TargetRunner(secrets, TimeProvider.System, new RunDownloadLinks(), logger);

        var results = await runner.RunAsync([new ThrowingTarget()], ArtifactSet.Empty, CancellationToken.None);

        var result = results.Should().ContainSingle().Subject;
        result.Outcome.Should().Be(Outcome.Failed);
        result.Reason.Should().Contain("upstream refused").And.NotContain(Token);
        var debug = logger.Entries.Where(e => e.Level == LogLevel.Debug).Should().ContainSingle().Subject.Message;
        debug.Should().Contain(nameof(InvalidOperationException)).And.Contain(nameof(ThrowingTarget)).And.NotContain(Token);
        logger.Entries.Should().NotContain(e => e.Message.Contains(Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_target_waiting_for_a_download_link_gets_the_preferred_providers_once_every_provider_has_finished()
    {
        var links = new RunDownloadLinks();
        var runner = new TargetRunner(new SecretRegistry(), TimeProvider.System, links, new RecordingLogger());
        var release = new TaskCompletionSource();
        var consumer = new LinkReader(links, "Lumen.ipa");

        var run = runner.RunAsync([consumer, new LinkGiver("GitHub assets", 1, "https://github.example/Lumen.ipa", release.Task),
            new LinkGiver("Fenfa", 0, "https://dist.example/d/rel_1", release.Task)], ArtifactSet.Empty, CancellationToken.None);

        links.ForAsync("Lumen.ipa", CancellationToken.None).IsCompleted.Should().BeFalse("the providers have not finished yet");
        release.SetResult();
        await run;
        consumer.Link.Should().Be(new DownloadLink("Fenfa", new Uri("https://dist.example/d/rel_1")), "the lowest rank wins");
    }

    [Fact]
    public async Task A_provider_that_throws_does_not_leave_a_reader_waiting()
    {
        var links = new RunDownloadLinks();
        var runner = new TargetRunner(new SecretRegistry(), TimeProvider.System, links, new RecordingLogger());
        var consumer = new LinkReader(links, "Lumen.ipa");

        var results = await runner.RunAsync([consumer, new ThrowingProvider()], ArtifactSet.Empty, CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(30));

        results.Should().HaveCount(2);
        consumer.Link.Should().BeNull();
    }

    [Fact]
    public async Task Without_providers_a_reader_gets_no_link_at_once()
    {
        var link = await new RunDownloadLinks().ForAsync("Lumen.ipa", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        link.Should().BeNull();
    }

    private sealed class LinkReader(RunDownloadLinks links, string fileName) : IPublishTarget
    {
        public DownloadLink? Link { get; private set; }
        public string Name => "Reader";
        public bool IsEnabled => true;

        public async Task<TargetResult> RunAsync(ArtifactSet artifacts, CancellationToken cancellationToken)
        {
            Link = await links.ForAsync(fileName, cancellationToken);
            return new TargetResult { Target = Name, Outcome = Outcome.Succeeded };
        }
    }

    private sealed class LinkGiver(string name, int rank, string link, Task release) : IDownloadLinkProvider
    {
        public string Name => name;
        public int DownloadLinkRank => rank;
        public bool IsEnabled => true;

        public async Task<TargetResult> RunAsync(ArtifactSet artifacts, CancellationToken cancellationToken)
        {
            await release;
            return new TargetResult
            {
                Target = Name, Outcome = Outcome.Succeeded,
                Items = [new ItemResult { Name = "Lumen.ipa", Outcome = Outcome.Succeeded, Published = new Publication { DownloadUrl = link } }],
            };
        }
    }

    private sealed class ThrowingProvider : IDownloadLinkProvider
    {
        public string Name => "Broken";
        public int DownloadLinkRank => 0;
        public bool IsEnabled => true;

        public Task<TargetResult> RunAsync(ArtifactSet artifacts, CancellationToken cancellationToken) => throw new InvalidOperationException("boom");
    }

    private sealed class ThrowingTarget : IPublishTarget
    {
        public string Name => "Thrower";
        public bool IsEnabled => true;

        public Task<TargetResult> RunAsync(ArtifactSet artifacts, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"upstream refused token {Token}");
    }

    private sealed class RecordingLogger : ILogger<TargetRunner>
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
