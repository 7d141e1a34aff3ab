namespace CiPublisher.Core.Settings.Inputs;

/// <summary>Inputs that belong together, in the order and under the heading users find them in the docs.</summary>
public sealed record InputGroup(string Heading, IReadOnlyList<InputDeclaration> Inputs);
