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

        var missing = JsonShapes(method).Where(type => !HttpClientRegistration.Json.TryGetTypeInfo(type, out _)).ToList();

        missing.Should().BeEmpty("{0} sends or reads these types as JSON", methodName);
    }

    [Fact]
    public void The_service_options_have_no_reflection_fallback()
    {
        var unknown = new { Shape = "anonymous" }.GetType();

        HttpClientRegistration.Json.TryGetTypeInfo(unknown, out _).Should().BeFalse();
        ReportJson.Options.TryGetTypeInfo(unknown, out _).Should().BeFalse();
    }

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
