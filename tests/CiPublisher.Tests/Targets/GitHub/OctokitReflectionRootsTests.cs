using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using CiPublisher.Core.Targets.GitHub;
using FluentAssertions;
using Octokit;

namespace CiPublisher.Tests.Targets.GitHub;

/// <summary>
/// Native AOT keeps a generic type's constructors for reflection only when asked. Octokit reads every JSON array into a
/// <c>List&lt;T&gt;</c> and every enum into a <c>StringEnum&lt;T&gt;</c> it builds by reflection, so each one reachable from
/// the models the GitHub target reads must be named in <see cref="OctokitReflectionRoots"/>; otherwise the shipped binary fails with a NullReferenceException
/// deep in Octokit while the JIT build works.
/// </summary>
public sealed class OctokitReflectionRootsTests
{
    /// <summary>What the GitHub target reads: comments (and pages of them), releases, and GitHub's error bodies.</summary>
    private static readonly Type[] ModelsRead = [typeof(List<IssueComment>), typeof(Release), typeof(ApiError)];

    [Fact]
    public void Every_generic_type_octokit_builds_for_the_models_we_read_keeps_its_constructors()
    {
        var rooted = typeof(OctokitReflectionRoots).GetMethod(nameof(OctokitReflectionRoots.Keep))!
            .GetCustomAttributes<DynamicDependencyAttribute>()
            .Select(a => a.Type)
            .ToHashSet();

        var missing = CollectionsBuilt(ModelsRead).Where(t => !rooted.Contains(t)).ToList();

        missing.Should().BeEmpty("Octokit builds these by reflection; add to OctokitReflectionRoots.Keep:\n{0}",
            string.Join("\n", missing.Select(t => $"    [DynamicDependency(Constructors, typeof({CSharpName(t)}))]")));
    }

    [Fact]
    public void The_walk_reaches_nested_models_and_enum_wrappers()
    {
        CollectionsBuilt(ModelsRead).Should().Contain(typeof(List<ReleaseAsset>), "a release lists its assets")
            .And.Contain(typeof(StringEnum<AuthorAssociation>), "a comment says how its author is associated");
    }

    private static IReadOnlyList<Type> CollectionsBuilt(IEnumerable<Type> roots)
    {
        var seen = new HashSet<Type>();
        var built = new SortedDictionary<string, Type>(StringComparer.Ordinal);
        var pending = new Queue<Type>(roots);
        while (pending.TryDequeue(out var type))
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (!seen.Add(type)) continue;
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(StringEnum<>))
            {
                // Octokit creates its enum wrapper with Activator.CreateInstance(type, text).
                built[CSharpName(type)] = type;
            }
            else if (CollectionElement(type) is { } element)
            {
                var list = typeof(List<>).MakeGenericType(element);
                built[CSharpName(list)] = list;
                pending.Enqueue(element);
            }
            else if (DictionaryTypes(type) is var (key, value))
            {
                var dictionary = typeof(Dictionary<,>).MakeGenericType(key, value);
                built[CSharpName(dictionary)] = dictionary;
                pending.Enqueue(value);
            }
            else if (type.Assembly == typeof(Release).Assembly && type.IsClass)
            {
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                    pending.Enqueue(property.PropertyType);
            }
        }
        return [.. built.Values];
    }

    private static Type? CollectionElement(Type type)
    {
        if (type == typeof(string) || !type.IsGenericType) return null;
        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(IReadOnlyList<>) || definition == typeof(IList<>) || definition == typeof(IEnumerable<>)
               || definition == typeof(ICollection<>) || definition == typeof(IReadOnlyCollection<>) || definition == typeof(List<>)
            ? type.GetGenericArguments()[0]
            : null;
    }

    private static (Type Key, Type Value)? DictionaryTypes(Type type)
    {
        if (!type.IsGenericType) return null;
        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(Dictionary<,>)
            ? (type.GetGenericArguments()[0], type.GetGenericArguments()[1])
            : null;
    }

    private static string CSharpName(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(CSharpName))}>"
        : type == typeof(string) ? "string" : type == typeof(object) ? "object" : type == typeof(int) ? "int" : type == typeof(long) ? "long" : type.Name;
}
