using System.Text.Json.Nodes;

namespace Pacta.Web.Api;

/// <summary>Writes RFC 9457 problem details; the field at fault appears as <c>field</c> and in <c>errors</c>.</summary>
public static class Problems
{
    public const string ContentType = "application/problem+json";

    public static string Title(int status) => status switch
    {
        400 => "Bad request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not found",
        405 => "Method not allowed",
        413 => "Request body too large",
        415 => "Unsupported media type",
        503 => "Service unavailable",
        504 => "Request timed out",
        _ => "Error",
    };

    public static JsonObject Body(int status, string? field, string detail, string? instance)
    {
        var o = new JsonObject
        {
            ["type"] = $"https://www.rfc-editor.org/rfc/rfc9110#status.{status}",
            ["title"] = Title(status),
            ["status"] = status,
            ["detail"] = detail,
            ["instance"] = instance,
        };
        if (field is not null)
        {
            o["field"] = field;
            o["errors"] = new JsonObject { [field] = new JsonArray(JsonValue.Create(detail)) };
        }
        return o;
    }

    public static async Task Write(HttpContext http, int status, string? field, string detail, int? retryAfterSeconds = null)
    {
        if (http.Response.HasStarted) return;
        http.Response.Clear();
        if (retryAfterSeconds is { } seconds) http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.StatusCode = status;
        http.Response.ContentType = ContentType;
        await http.Response.WriteAsync(Body(status, field, detail, http.Request.Path).ToJsonString(Json.Compact));
    }
}
