namespace CiPublisher.Core.Targets.AltStore;

/// <summary>The parts of the AltStore PAL flow; each still needs its own input (ADP ID, source file, source URL).</summary>
[Flags]
public enum AltStoreSteps
{
    None = 0,
    ProcessAdp = 1,
    UpdateSource = 2,
    Federate = 4,
    All = ProcessAdp | UpdateSource | Federate,
}
