namespace CiPublisher.Tests.Packaging;

/// <summary>The parts of <c>action.yml</c> the conventions check: the outputs, each with its description, and how it runs.</summary>
public sealed record ActionMetadata(IReadOnlyDictionary<string, string> Outputs, IReadOnlyDictionary<string, string> Runs);
