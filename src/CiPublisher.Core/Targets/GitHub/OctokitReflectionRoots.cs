using System.Diagnostics.CodeAnalysis;
using Octokit;

namespace CiPublisher.Core.Targets.GitHub;

/// <summary>
/// Octokit's SimpleJson builds every list it reads with <c>typeof(List&lt;&gt;).MakeGenericType(element)</c>, and every
/// <c>StringEnum&lt;T&gt;</c> with <c>Activator.CreateInstance</c>, finding their constructors by reflection. Native AOT keeps
/// a generic type's constructors for reflection only when told to, so each one the answers we read can contain is named
/// here (the Octokit assembly itself is rooted in the program's project).
/// <c>OctokitReflectionRootsTests</c> walks the models we read and fails, with the lines to add, when one is missing.
/// </summary>
internal static class OctokitReflectionRoots
{
    public const DynamicallyAccessedMemberTypes Constructors = DynamicallyAccessedMemberTypes.PublicConstructors;

    /// <summary>Called where the client is built, so the trimmer sees the dependencies below.</summary>
    [DynamicDependency(Constructors, typeof(List<ApiErrorDetail>))]
    [DynamicDependency(Constructors, typeof(List<IssueComment>))]
    [DynamicDependency(Constructors, typeof(List<ReleaseAsset>))]
    [DynamicDependency(Constructors, typeof(StringEnum<AuthorAssociation>))]
    public static void Keep()
    {
    }
}
