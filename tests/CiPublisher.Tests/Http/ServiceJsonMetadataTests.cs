using System.Reflection;
using CiPublisher.Core.Http;
using CiPublisher.Core.Reporting;
using FluentAssertions;
using Refit;

namespace CiPublisher.Tests.Http;

/// <summary>
/// The program serializes nothing by reflection (Native AOT cannot), so every body a Refit method sends and every
/// answer it deserializes must have generated metadata. A type added to an interface but not to the context fails here,
/// not in a user's release job.
/// </summary>
public sealed class ServiceJsonMetadataTests
{
    public static TheoryData<string> RefitMethods()
    {
        var data = new TheoryData<string>();
        foreach (var method in RefitInterfaceMethods()) data.Add($"{method.DeclaringType!.Name}.{method.Name}");
        return data;
    }

    [Theory]
    [MemberData(nameof(RefitMethods))]
    public void Every_json_body_and_answer_of_a_refit_method_has_generated_metadata(string methodName)
    {
        var method = RefitInterfaceMethods().Single(m => $"{m.DeclaringType!.Name}.{m.Name}" == methodName);

        var shapes = JsonShapes(method).ToList();
        if (shapes.Count == 0) return;
        var context = ModuleContexts().SingleOrDefault(c => c.GetType().Namespace == method.DeclaringType!.Namespace);

        context.Should().NotBeNull("{0} sends or reads JSON, so its module needs a JsonSerializerContext of its own", methodName);
        shapes.Where(type => context!.GetTypeInfo(type) is null).Should().BeEmpty("{0} sends or reads these types as JSON", methodName);
    }

    [Fact]
    public void No_json_options_fall_back_to_reflection()
    {
        var unknown = new { Shape = "anonymous" }.GetType();

        var contexts = ModuleContexts();

        contexts.Should().HaveCountGreaterThan(3);
        contexts.Where(c => c.Options.TryGetTypeInfo(unknown, out _)).Should().BeEmpty();
        ReportJson.Options.TryGetTypeInfo(unknown, out _).Should().BeFalse();
    }

    /// <summary>Each module's generated context (<c>FenfaJsonContext</c>, …), by its <c>Default</c> instance.</summary>
    private static List<System.Text.Json.Serialization.JsonSerializerContext> ModuleContexts() =>
        [.. typeof(HttpClientRegistration).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(System.Text.Json.Serialization.JsonSerializerContext)))
            .Select(t => (System.Text.Json.Serialization.JsonSerializerContext)t.GetProperty("Default", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!)];

    [Fact]
    public void The_scan_finds_the_service_interfaces()
    {
        RefitInterfaceMethods().Select(m => m.DeclaringType!.Name).Distinct().Should()
            .Contain(["IFenfaApi", "IAltStoreApi", "IAptoideApi", "IAppStoreConnectDevicesApi"]);
    }

    private static IEnumerable<MethodInfo> RefitInterfaceMethods() =>
        typeof(HttpClientRegistration).Assembly.GetTypes()
            .Where(t => t.IsInterface)
            .SelectMany(t => t.GetMethods())
            .Where(m => m.GetCustomAttribute<HttpMethodAttribute>() is not null)
            .OrderBy(m => m.DeclaringType!.Name, StringComparer.Ordinal).ThenBy(m => m.Name, StringComparer.Ordinal);

    private static IEnumerable<Type> JsonShapes(MethodInfo method)
    {
        var answer = method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(Task<>)
            ? method.ReturnType.GetGenericArguments()[0]
            : null;
        if (answer is not null && !typeof(HttpResponseMessage).IsAssignableFrom(answer)) yield return answer;
        foreach (var body in method.GetParameters().Where(p => p.GetCustomAttribute<BodyAttribute>() is not null))
        {
            if (!typeof(HttpContent).IsAssignableFrom(body.ParameterType)) yield return body.ParameterType;
        }
    }
}
