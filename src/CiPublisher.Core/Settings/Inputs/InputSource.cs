namespace CiPublisher.Core.Settings.Inputs;

/// <summary>Where a value came from, so an error can name the input the way the user spelled it.</summary>
public enum InputSource
{
    CommandLine,
    ActionInput,
    Environment,
    Default,
}
