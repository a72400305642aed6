using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pacta.Web.Api;

/// <summary>
/// The one reader of JSON request bodies: bounded nesting, and refused before any route sees them when a key repeats
/// in an object or a string is not valid Unicode (a lone surrogate such as "\ud800"; the parser itself refuses invalid
/// UTF-8) — each a 400
/// naming the field by its path (<c>state.a[2]</c>), where System.Text.Json would throw later, at first use.
/// </summary>
public static class JsonBody
{
    /// <summary>Parses <paramref name="utf8"/> into a node, or throws an <see cref="ApiProblem"/> naming the fault.</summary>
    public static JsonNode Parse(ReadOnlyMemory<byte> utf8, int maxDepth, string root = "body")
    {
        var options = new JsonDocumentOptions { MaxDepth = maxDepth };
        try
        {
            using (var doc = JsonDocument.Parse(utf8, options)) Check(doc.RootElement, root);
            return JsonNode.Parse(utf8.Span, documentOptions: options)!;
        }
        catch (JsonException e) when (e.Message.Contains("maximum configured depth", StringComparison.Ordinal))
        {
            throw ApiProblem.BadField(root, $"the JSON nests deeper than {maxDepth} levels");
        }
        catch (JsonException e)
        {
            throw ApiProblem.BadField(root, $"the request body is not valid JSON: {e.Message}");
        }
    }

    private static void Check(JsonElement e, string path)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var p in e.EnumerateObject())
                {
                    var name = Text(() => p.Name, path, "a key");
                    var at = path == "body" ? name : $"{path}.{name}";
                    if (!seen.Add(name)) throw ApiProblem.BadField(at, $"the key '{name}' appears more than once in {(path == "body" ? "the body" : $"'{path}'")}");
                    Check(p.Value, at);
                }
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in e.EnumerateArray()) Check(item, $"{path}[{i++}]");
                break;
            case JsonValueKind.String:
                Text(e.GetString, path, "the string");
                break;
        }
    }

    private static string Text(Func<string?> read, string path, string what)
    {
        try
        {
            return read() ?? "";
        }
        catch (InvalidOperationException)
        {
            throw ApiProblem.BadField(path, $"{what} at '{path}' is not valid Unicode (a lone surrogate such as \\ud800)");
        }
    }
}
