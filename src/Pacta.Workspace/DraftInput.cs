using Pacta.Authoring.Diagnostics;
using Pacta.Authoring.Files;
using Pacta.Authoring.Yaml;
using Pacta.Domain;
using Pacta.Evaluation.Drafts;

namespace Pacta.Workspace;

/// <summary>A draft as loaded for <c>pacta assess</c> and <c>pacta diff</c>: the agreement and where it came from.</summary>
public sealed record LoadedDraft(Agreement Agreement, string Shown);

/// <summary>
/// Loads a draft from a file (read against the session's corpus, errors located as for the corpus) or names a corpus
/// agreement by id, and supplies the data a battery reads (contiguity, wars, major powers).
/// </summary>
public static class DraftInput
{
    /// <summary>
    /// An existing file is read as a draft, with the id its <c>id:</c> key gives (so a copy under any name may stand for a
    /// new version of a corpus agreement); anything else is looked up as an agreement id. Errors: a PactaException whose
    /// message lists every located diagnostic, one per line.
    /// </summary>
    public static LoadedDraft Load(PactaSession session, string fileOrId)
    {
        if (File.Exists(fileOrId) || Directory.Exists(fileOrId) || fileOrId.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || fileOrId.Contains('/'))
            return FromFile(session, fileOrId);
        var found = AgreementLookup.Find(session.Corpus, fileOrId);
        return found.Agreement is { } a
            ? new LoadedDraft(a, a.Position.File.Length > 0 ? a.Position.File : a.Id)
            : throw new PactaException($"{fileOrId}: no such file, and {found.Error}");
    }

    private static LoadedDraft FromFile(PactaSession session, string path)
    {
        var shown = PactaWorkspace.DisplayPath(path);
        if (!File.Exists(path)) throw new PactaException($"{shown}: no such file");
        var diagnostics = new List<Diagnostic>();
        var text = InputFile.ReadText(path, shown, diagnostics);
        if (text is null) throw Fail(diagnostics);
        var (agreement, errors) = session.Workspace.Loader.ReadAgreement(text, IdOf(text) ?? Path.GetFileNameWithoutExtension(path), shown, session.Corpus);
        return agreement is null ? throw Fail(errors) : new LoadedDraft(agreement, shown);
    }

    private static PactaException Fail(IReadOnlyList<Diagnostic> diagnostics) =>
        new(string.Join('\n', diagnostics.Where(d => !d.IsWarning).Select(d => d.ToString())));

    /// <summary>The file's own <c>id:</c> when the text parses; the reader reports every problem otherwise.</summary>
    private static string? IdOf(string text)
    {
        try
        {
            return YamlTreeParser.Parse(text) is YamlMapping m && m.Find("id")?.Value is YamlScalar { IsNull: false } s ? s.Value : null;
        }
        catch (YamlSyntaxException)
        {
            return null;
        }
    }

    /// <summary>Contiguity, wars and major powers from the shipped COW files; militarized disputes from the GML MID file.</summary>
    public static AttackerData AttackerData(PactaSession session)
    {
        var contiguity = CascadeData.Contiguity();
        var majors = session.Majors;
        var disputes = Disputes.Value;
        return new AttackerData(contiguity.Type, CascadeData.Wars(), d => majors?.On(d) ?? [],
            cow => disputes.TryGetValue(cow, out var list) ? list : []);
    }

    public static string MidsFile => Path.Combine(PactaWorkspace.DataDir, "mids", "gml_dirdisp.csv");

    private static readonly Lazy<Dictionary<int, List<(int Other, int Year)>>> Disputes = new(() => ReadDisputes(MidsFile));

    /// <summary>
    /// The directed dispute-years of data/mids (columns dispnum, ccode1, ccode2, year first): for each state, the other
    /// side and the year of each dispute-year, once each. Errors name the file and line.
    /// </summary>
    public static Dictionary<int, List<(int Other, int Year)>> ReadDisputes(string path)
    {
        var shown = PactaWorkspace.DisplayPath(path);
        if (!File.Exists(path)) throw new PactaException($"{shown}: no such file (the GML MID data, data/mids/PROVENANCE.md)");
        var seen = new HashSet<(int, int, int)>();
        var byState = new Dictionary<int, List<(int, int)>>();
        var n = 0;
        foreach (var line in File.ReadLines(path))
        {
            if (n++ == 0 || line.Length == 0) continue;
            var f = line.Split(',', 5);
            if (f.Length < 5 || !int.TryParse(f[1], System.Globalization.CultureInfo.InvariantCulture, out var a)
                || !int.TryParse(f[2], System.Globalization.CultureInfo.InvariantCulture, out var b)
                || !int.TryParse(f[3], System.Globalization.CultureInfo.InvariantCulture, out var year))
                throw new PactaException($"{shown}:{n}: expected dispnum,ccode1,ccode2,year,…");
            if (!seen.Add((a, b, year))) continue;
            if (!byState.TryGetValue(a, out var list)) byState[a] = list = [];
            list.Add((b, year));
        }
        return byState;
    }
}
