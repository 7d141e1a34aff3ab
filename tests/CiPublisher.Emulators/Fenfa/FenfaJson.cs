using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace CiPublisher.Emulators.Fenfa;

/// <summary>The <c>{ok, data}</c> / <c>{ok, error}</c> envelope, written the way Gin's <c>c.JSON</c> does.</summary>
internal static class FenfaJson
{
    // Answers are built from anonymous objects with PascalCase members; the wire is snake_case.
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // Go's encoding/json matches field names case-insensitively.
        PropertyNameCaseInsensitive = true,
    };

    public static Task OkAsync(HttpContext context, object? data, int status = StatusCodes.Status200OK) =>
        WriteAsync(context, status, data is null ? new { Ok = true } : new { Ok = true, Data = data });

    public static Task ErrorAsync(HttpContext context, int status, string code, string? message) =>
        WriteAsync(context, status, message is null
            ? new { Ok = false, Error = (object)new { Code = code } }
            : new { Ok = false, Error = (object)new { Code = code, Message = message } });

    public static Task BadRequestAsync(HttpContext context, string message) =>
        ErrorAsync(context, StatusCodes.Status400BadRequest, "BAD_REQUEST", message);

    public static Task NotFoundAsync(HttpContext context, string message) =>
        ErrorAsync(context, StatusCodes.Status404NotFound, "NOT_FOUND", message);

    /// <summary>Reads a JSON body; null when it is not valid JSON for the type (Gin's ShouldBindJSON failing).</summary>
    public static async Task<T?> ReadAsync<T>(HttpContext context) where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(context.Request.Body, Options, context.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task WriteAsync(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, body, body.GetType(), Options, context.RequestAborted);
    }
}
