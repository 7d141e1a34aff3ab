namespace CiPublisher.Core.Targets.GitHub;

/// <summary>A repository as <c>owner/name</c>.</summary>
public sealed record RepositoryName(string Owner, string Name)
{
    public static RepositoryName? Parse(string? value)
    {
        var parts = (value ?? string.Empty).Trim().Split('/');
        return parts is [{ Length: > 0 } owner, { Length: > 0 } name] ? new RepositoryName(owner, name) : null;
    }

    public override string ToString() => $"{Owner}/{Name}";
}
