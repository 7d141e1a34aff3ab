namespace CiPublisher.Core.Settings.Inputs;

/// <summary>Each input's raw text by name, resolved by the program from its flags, action inputs and environment.</summary>
public interface IInputValues
{
    InputValue Get(string name);
}
