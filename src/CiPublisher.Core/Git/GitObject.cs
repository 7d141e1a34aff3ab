namespace CiPublisher.Core.Git;

/// <summary>A git object as stored: its kind ("commit", "tree", "blob", "tag") and its bytes.</summary>
public sealed record GitObject(string Kind, byte[] Content);
