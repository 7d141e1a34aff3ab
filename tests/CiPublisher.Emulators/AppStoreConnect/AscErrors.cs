using Microsoft.AspNetCore.Http;

namespace CiPublisher.Emulators.AppStoreConnect;

/// <summary>Apple's error shape (OpenAPI 4.4.1 ErrorResponse): status is a string; code is hierarchical.</summary>
public static class AscErrors
{
    public static IResult Error(int status, string code, string title, string? detail = null, string? sourcePointer = null) =>
        Results.Json(Body(status, code, title, detail, sourcePointer), AscJson.Options, statusCode: status);

    public static object Body(int status, string code, string title, string? detail = null, string? sourcePointer = null) => new
    {
        errors = new[]
        {
            new
            {
                id = Guid.NewGuid().ToString(),
                status = status.ToString(System.Globalization.CultureInfo.InvariantCulture),
                code,
                title,
                detail,
                source = sourcePointer is null ? null : new { pointer = sourcePointer },
            },
        },
    };

    public static IResult NotAuthorized() => Error(401, "NOT_AUTHORIZED", "Authentication credentials are missing or invalid.",
        "Provide a properly configured and signed bearer token, and make sure that it has not expired.");

    public static IResult NotFound(string type, string id) =>
        Error(404, "NOT_FOUND", "The specified resource does not exist", $"There is no resource of type '{type}' with id '{id}'");

    public static IResult Invalid(string parameter, string value) => Error(409, "ENTITY_ERROR.ATTRIBUTE.INVALID",
        "An attribute value is invalid.", $"An invalid value '{value}' was provided for the parameter '{parameter}'.",
        $"/data/attributes/{parameter}");
}
