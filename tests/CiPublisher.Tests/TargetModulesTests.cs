using CiPublisher.Core.Settings;
using CiPublisher.Core.Targets;
using Microsoft.Extensions.DependencyInjection;

namespace CiPublisher.Tests;

/// <summary>Adding a target is its folder and one line in <see cref="TargetModules"/>: these say when the line is missing or wrong.</summary>
public class TargetModulesTests
{
    [Fact]
    public void EveryModuleInCore_IsListedOnce()
    {
        var inCore = typeof(ITargetModule).Assembly.GetTypes()
            .Where(t => typeof(ITargetModule).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(t => t.Name);

        TargetModules.All.Select(m => m.GetType().Name).Should().BeEquivalentTo(inCore);
        TargetModules.All.Select(m => m.SettingsType).Should().OnlyHaveUniqueItems("a run finds each module's settings by their type");
    }

    [Fact]
    public void AModuleWhoseInputsAskForNothing_AddsNothing()
    {
        var services = new ServiceCollection();

        TargetModules.Register(services, new RunSettings { Command = "publish", WorkingDirectory = "/w" });

        services.Should().BeEmpty();
    }
}
