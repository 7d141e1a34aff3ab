namespace CiPublisher.Core.Targets.Aptoide;

/// <summary>One entry of a FAIL answer: an object with a code, or (legacy docs) a bare message without one.</summary>
internal sealed record AptoideError(string? Code, string Message)
{
    public override string ToString() => Code is null ? Message : $"{Code} {Message}";
}
