using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pacta.Web.Api;

/// <summary>Responses in the contract's JSON shapes (Pacta.Contracts), written compactly.</summary>
public static class Json
{
    public static readonly JsonSerializerOptions Compact = new()
    {
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The same output for documents written value by value (the what-if outcome).</summary>
    public static readonly JsonWriterOptions CompactWriter = new() { Indented = false, Encoder = Compact.Encoder, SkipValidation = true };

    public static byte[] Bytes(JsonNode node) => JsonSerializer.SerializeToUtf8Bytes(node, Compact);

    public static IResult Of(JsonNode node) => Results.Bytes(Bytes(node), "application/json; charset=utf-8");

    public static IResult Of(byte[] utf8) => Results.Bytes(utf8, "application/json; charset=utf-8");

    /// <summary>
    /// Reads a JSON object body (at most the server's body limit, checked by <see cref="JsonBody"/>); an empty or
    /// non-object body is the caller's fault.
    /// </summary>
    public static async Task<JsonObject> ReadObject(HttpRequest request)
    {
        if (!Guards.JsonOnly.IsJson(request.ContentType))
            throw new ApiProblem(StatusCodes.Status415UnsupportedMediaType, "Content-Type", $"expected a JSON body (Content-Type: application/json), got {(string.IsNullOrEmpty(request.ContentType) ? "none" : request.ContentType)}");
        var options = request.HttpContext.RequestServices.GetService<ServeOptions>() ?? new ServeOptions();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        var node = JsonBody.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), options.MaxJsonDepth);
        return node as JsonObject ?? throw ApiProblem.BadField("body", "the request body must be a JSON object");
    }

    public static string? String(JsonObject o, string field)
    {
        var n = o[field];
        if (n is null) return null;
        if (n is JsonValue v && v.TryGetValue<string>(out var s)) return s;
        throw ApiProblem.BadField(field, $"'{field}' must be a string");
    }

    public static bool? Bool(JsonObject o, string field)
    {
        var n = o[field];
        if (n is null) return null;
        if (n is JsonValue v && v.TryGetValue<bool>(out var b)) return b;
        throw ApiProblem.BadField(field, $"'{field}' must be true or false");
    }

    public static string[] Strings(JsonObject o, string field)
    {
        var n = o[field];
        if (n is null) return [];
        if (n is not JsonArray a) throw ApiProblem.BadField(field, $"'{field}' must be an array of strings");
        return a.Select((x, i) => x is JsonValue v && v.TryGetValue<string>(out var s) ? s
            : throw ApiProblem.BadField($"{field}[{i}]", $"'{field}[{i}]' must be a string")).ToArray();
    }
}
