namespace CiPublisher.Core.Settings.Inputs;

/// <summary>One invalid input: its name as the user spelled it, what was wrong and what is accepted.</summary>
public sealed record InputError(string Input, string Problem)
{
    public override string ToString() => $"{Input}: {Problem}";
}
