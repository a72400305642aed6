using Pacta.Domain;
using Pacta.Evaluation.Cascade;
using Pacta.Workspace.Snapshot;

namespace Pacta.Workspace;

/// <summary>The cascade's invocation rules as cached: the overlays of corpus/invocation/ and the adversaries ATOP names.</summary>
internal sealed record CascadeInputBody(IReadOnlyList<InvocationTerms> Overlays, IReadOnlyDictionary<string, IReadOnlyList<int>> NamedThreats);

/// <summary>Reader and writer of <see cref="CascadeInputBody"/>, generated from the model types as the snapshot's are.</summary>
[ModelCodec(typeof(CascadeInputBody))]
internal static partial class CascadeInputCodec
{
    private static void Deep(int depth)
    {
        if (depth > ModelReader.MaxDepth) throw new InvalidDataException("nested too deeply");
    }
}

/// <summary>
/// What every cascade reads and nothing but the input files decide, cached beside the start-up snapshot under its key
/// (every input file's contents and Pacta's build): the invocation rules, whose overlays are otherwise parsed from
/// YAML on every run (~90 ms of a 10,000-trial CLI cascade). The framing is <see cref="KeyedCacheFile"/>'s (anything
/// unreadable is a miss, rebuilt and rewritten); the body is the string table and the generated codec's bytes. Off
/// with PACTA_SNAPSHOT=0, as the snapshot is.
/// </summary>
internal static class CascadeInputCache
{
    private const int Magic = 0x31434E49; // "INC1"
    private const string Prefix = "invocation";

    private static byte[]? Key(PactaWorkspace ws) =>
        ws.UseSnapshot && ws.InputKey is { } input ? [.. input, .. System.Text.Encoding.UTF8.GetBytes("\ninvocation rules\n")] : null;

    /// <summary>The invocation rules of <paramref name="ws"/>: from the cache when it holds them, else loaded and cached.</summary>
    public static InvocationRules Load(PactaWorkspace ws, Func<PactaWorkspace, InvocationRules> load)
    {
        var key = Key(ws);
        if (key is not null && KeyedCacheFile.TryRead(Prefix, Magic, key, 1 << 24, ReadBody) is { } cached)
            return new InvocationRules(cached.Overlays, cached.NamedThreats);
        var rules = load(ws);
        if (key is not null)
        {
            var body = new CascadeInputBody([.. rules.Overlays.Values], rules.NamedThreats);
            KeyedCacheFile.TryWrite(Prefix, Magic, key, w => WriteBody(w, body));
        }
        return rules;
    }

    private static CascadeInputBody ReadBody(BinaryReader r)
    {
        var table = new string[KeyedCacheFile.Count(r)];
        for (var i = 0; i < table.Length; i++) table[i] = r.ReadString();
        return CascadeInputCodec.Read(new ModelReader(r, table));
    }

    private static void WriteBody(BinaryWriter w, CascadeInputBody body)
    {
        var model = new ModelWriter();
        CascadeInputCodec.Write(model, body);
        w.Write(model.Table.Count);
        foreach (var s in model.Table) w.Write(s);
        w.Write(model.Body);
    }
}
