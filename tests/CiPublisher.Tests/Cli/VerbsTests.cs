using System.Runtime.CompilerServices;
using CiPublisher.Cli;
using CiPublisher.Core.Targets;
using CiPublisher.Core.Targets.AltStore;
using CiPublisher.Core.Targets.AppleDevices;
using CiPublisher.Core.Targets.Fenfa;

namespace CiPublisher.Tests.Cli;

public class VerbsTests
{
    // Which verb runs which target depends on the target's type alone: no target needs to be wired up for it.
    private static readonly IPublishTarget Fenfa = (IPublishTarget)RuntimeHelpers.GetUninitializedObject(typeof(FenfaTarget));
    private static readonly IPublishTarget Apple = (IPublishTarget)RuntimeHelpers.GetUninitializedObject(typeof(AppleDevicesTarget));
    private static readonly IPublishTarget AltStore = (IPublishTarget)RuntimeHelpers.GetUninitializedObject(typeof(AltStoreTarget));

    [Fact]
    public void Publish_RunsEveryTarget_AndTheOtherVerbsOnlyTheirOwn()
    {
        new[] { Fenfa, Apple, AltStore }.Should().OnlyContain(t => Verbs.Runs(Verbs.Publish, t));
        new[] { Fenfa, Apple, AltStore }.Where(t => Verbs.Runs(Verbs.RegisterDevices, t)).Should().Equal(Apple);
        new[] { Fenfa, Apple, AltStore }.Where(t => Verbs.Runs(Verbs.AltStore, t)).Should().Equal(AltStore);
        new[] { Fenfa, Apple, AltStore }.Should().NotContain(t => Verbs.Runs(Verbs.Inspect, t));
    }
}
