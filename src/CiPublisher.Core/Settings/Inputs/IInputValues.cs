namespace CiPublisher.Core.Settings.Inputs;

/// <summary>Each input's raw text, resolved by the program from its flags, action inputs and environment.</summary>
public interface IInputValues
{
    InputValue Get(InputDeclaration input);
}
