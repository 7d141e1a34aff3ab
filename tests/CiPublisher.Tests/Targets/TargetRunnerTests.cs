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
        var runner = new TargetRunner(secrets, TimeProvider.System, logger);

        var results = await runner.RunAsync([new ThrowingTarget()], ArtifactSet.Empty, CancellationToken.None);

        var result = results.Should().ContainSingle().Subject;
        result.Outcome.Should().Be(Outcome.Failed);
        result.Reason.Should().Contain("upstream refused").And.NotContain(Token);
        var debug = logger.Entries.Where(e => e.Level == LogLevel.Debug).Should().ContainSingle().Subject.Message;
        debug.Should().Contain(nameof(InvalidOperationException)).And.Contain(nameof(ThrowingTarget)).And.NotContain(Token);
        logger.Entries.Should().NotContain(e => e.Message.Contains(Token, StringComparison.Ordinal));
    }

    private sealed class ThrowingTarget : IPublishTarget
    {
        public string Name => "Thrower";
        public IReadOnlySet<string> Verbs { get; } = new HashSet<string>();
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
