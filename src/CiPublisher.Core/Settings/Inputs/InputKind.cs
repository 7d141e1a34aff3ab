namespace CiPublisher.Core.Settings.Inputs;

/// <summary>How an input's text is read and validated.</summary>
public enum InputKind
{
    Text,
    Bool,
    WholeNumber,
    Duration,
    Url,
    List,
    File,
    Directory,
}
