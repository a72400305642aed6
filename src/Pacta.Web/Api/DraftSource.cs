using System.Text.Json.Nodes;
using Pacta.Domain;
using Pacta.Storage;
using Pacta.Workspace;

namespace Pacta.Web.Api;

/// <summary>
/// The one reader of a draft named in a request body, for every studio route (validate, assess, compare, diff and its
/// <c>against</c>) and the draft save: a YAML text (<c>yaml</c>), a corpus agreement (<c>agreement</c>) or a saved draft
/// (<c>draft</c>, with an optional <c>version</c>). Each fault is a 400 (404 for an unknown id) naming the field by its
/// full path in the body (<c>against.version</c>), as the rest of the API does.
/// </summary>
public static class DraftSource
{
    /// <summary>A draft's text is at most this long (the corpus's longest agreement file is a fraction of it).</summary>
    public const int MaxYamlBytes = 128 * 1024;

    /// <summary>
    /// The YAML text at <paramref name="path"/><c>yaml</c>: a string of at most <see cref="MaxYamlBytes"/> bytes, or null
    /// when absent and not <paramref name="required"/>. <paramref name="what"/> says what the text is in the message.
    /// </summary>
    public static string? Text(JsonObject o, string path, bool required, string what = "the draft's YAML text")
    {
        var field = path + "yaml";
        var yaml = String(o, "yaml", path);
        if (yaml is null)
            return required ? throw ApiProblem.BadField(field, $"'{field}' is required: {what}") : null;
        if (System.Text.Encoding.UTF8.GetByteCount(yaml) > MaxYamlBytes) throw ApiProblem.BadField(field, $"'{field}' is larger than {MaxYamlBytes} bytes");
        return yaml;
    }

    /// <summary>
    /// The agreement <paramref name="o"/> names — its <c>yaml</c> text read against the corpus, a corpus
    /// <c>agreement</c>, or a saved <c>draft</c> (latest version, or <c>version</c>) — with how it is shown
    /// (<c>drafts/ID.yaml</c>, <c>@N</c> appended for a saved version). A text with errors throws
    /// <see cref="InvalidDraft"/> (a 400 with the located diagnostics).
    /// </summary>
    /// <param name="path">Where <paramref name="o"/> sits in the body: "" for the body itself, <c>"against."</c> for the diff's earlier version.</param>
    public static (Agreement Agreement, string Shown) Read(JsonObject o, string path, PactaStore store, DraftStudio studio, string instance)
    {
        var yaml = Text(o, path, required: false);
        var id = String(o, "agreement", path);
        var draftId = String(o, "draft", path);
        var given = (yaml is not null ? 1 : 0) + (id is not null ? 1 : 0) + (draftId is not null ? 1 : 0);
        if (given != 1) throw ApiProblem.BadField(path + "yaml", $"give exactly one of '{path}yaml' (a draft's text), '{path}agreement' (a corpus id) or '{path}draft' (a saved draft)");
        if (draftId is null && o["version"] is not null) throw ApiProblem.BadField(path + "version", $"'{path}version' goes with '{path}draft' (a saved draft's version)");
        if (id is not null) return (AgreementRoutes.Find(studio.Session.Corpus, id, path + "agreement"), id);
        var shownVersion = "";
        if (draftId is not null)
        {
            var saved = Saved(o, path, draftId, store);
            yaml = saved.Yaml;
            shownVersion = $"@{saved.Version}";
        }
        var read = studio.Read(yaml!);
        if (read.Agreement is null) throw new InvalidDraft(path + (draftId is null ? "yaml" : "draft"), read, instance);
        return (read.Agreement, read.Shown + shownVersion);
    }

    /// <summary>The object at <paramref name="field"/> that names a draft (the diff's <c>against</c>), required.</summary>
    public static JsonObject Object(JsonObject o, string field, string what) =>
        o[field] as JsonObject ?? throw ApiProblem.BadField(field, $"'{field}' is required: {what}");

    private static DraftVersion Saved(JsonObject o, string path, string draftId, PactaStore store)
    {
        var version = o["version"];
        if (version is null)
            return store.DraftVersions(draftId).FirstOrDefault() ?? throw ApiProblem.NotFound(path + "draft", $"no drafted agreement '{draftId}'");
        if (version is JsonValue v && v.TryGetValue<int>(out var n) && n > 0)
            return store.DraftVersion(draftId, n) ?? throw ApiProblem.NotFound(path + "version", $"drafted agreement '{draftId}' has no version {n}");
        throw ApiProblem.BadField(path + "version", $"'{path}version' must be a version number (1, 2, …)");
    }

    /// <summary>A string member, with a type error naming the field by its full path.</summary>
    private static string? String(JsonObject o, string name, string path)
    {
        var n = o[name];
        if (n is null) return null;
        if (n is JsonValue v && v.TryGetValue<string>(out var s)) return s;
        throw ApiProblem.BadField(path + name, $"'{path}{name}' must be a string");
    }
}
