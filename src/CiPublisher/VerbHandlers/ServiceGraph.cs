using CiPublisher.Ci;
using CiPublisher.Core;
using CiPublisher.Core.Http;
using CiPublisher.Core.Security;
using CiPublisher.Core.Settings;
using CiPublisher.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CiPublisher.VerbHandlers;

/// <summary>The services of one run: the platform's logging and progress, the Core, and every target module.</summary>
public static class ServiceGraph
{
    /// <param name="calls">The run's call meter when requests were sent before the services existed (the pull request's notes).</param>
    public static ServiceProvider Build(RunSettings settings, ICiPlatform platform, SecretRegistry secrets, TimeProvider time, TextWriter stdout,
        TextWriter stderr, CallMeter? calls = null)
    {
        var services = new ServiceCollection();
        if (calls is not null) services.AddSingleton(calls);
        AddLogging(services, platform, secrets, stdout);
        services.AddSingleton<ITransferProgress>(sp =>
            new ConsoleTransferProgress(sp.GetRequiredService<ILogger<ConsoleTransferProgress>>(), platform.IsInteractive, stderr));
        services.AddCiPublisherCore(settings, secrets, time);
        TargetModules.Register(services, settings);
        return services.BuildServiceProvider();
    }

    /// <summary>Only the platform's logging: for work done before the run's services can be built.</summary>
    public static ServiceProvider BuildLogging(ICiPlatform platform, SecretRegistry secrets, TextWriter stdout) =>
        AddLogging(new ServiceCollection(), platform, secrets, stdout).BuildServiceProvider();

    private static IServiceCollection AddLogging(IServiceCollection services, ICiPlatform platform, SecretRegistry secrets, TextWriter stdout)
    {
        services.AddSingleton(platform);
        return services.AddLogging(logging => logging
            .SetMinimumLevel(platform.IsDebug ? LogLevel.Debug : LogLevel.Information)
            .AddFilter("System.Net.Http", LogLevel.Warning)
            .AddFilter("Polly", LogLevel.Warning)
            .AddProvider(new RunOutputLoggerProvider(new CiConsoleFormatter(platform, secrets), stdout)));
    }
}
