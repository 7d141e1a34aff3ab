namespace CiPublisher.Core.Targets.AltStore.Source;

/// <summary>A long list of problems, shown briefly: the first few and how many more.</summary>
public static class ProblemList
{
    public const int Shown = 3;

    public static string Brief(IReadOnlyList<string> problems) => problems.Count <= Shown
        ? string.Join("; ", problems)
        : $"{string.Join("; ", problems.Take(Shown))}; and {problems.Count - Shown} more (all of them in the result output)";
}
