using Pacta.Authoring.Diagnostics;
using Pacta.Authoring.Files;
using Pacta.Authoring.Reading;
using Pacta.Authoring.Yaml;
using Pacta.Domain;

namespace Pacta.Authoring;

/// <summary>Counts for the <c>pacta check</c> summary.</summary>
public sealed record CheckSummary(int Files, int Agreements, int Organizations, int Conflicts, int Provisions, int Errors);

/// <summary>A loaded corpus, or the diagnostics that stopped it. Never both: a corpus with errors is not returned.</summary>
public sealed record LoadResult(Corpus? Corpus, IReadOnlyList<Diagnostic> Diagnostics, CheckSummary Summary)
{
    public bool Ok => Corpus is not null && Diagnostics.Count == 0;

    /// <summary>The reviews of ATOP alliances continued after the release (files under <c>reviews/</c>); empty with errors.</summary>
    public IReadOnlyList<AtopReview> Reviews { get; init; } = [];

    /// <summary>The invocation overlays (files under <c>invocation/</c>): when alliances' promises to fight are invoked; empty with errors.</summary>
    public IReadOnlyList<InvocationTerms> Invocations { get; init; } = [];

    /// <summary>Source-hygiene warnings on the checked files (<see cref="Checks.SourceHygiene"/>); they never stop loading.</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; init; } = [];
}

/// <summary>
/// Reads agreement, organization, conflict and review files. A file's kind follows its folder:
/// <c>organizations/</c>, <c>conflicts/</c>, <c>reviews/</c>, <c>invocation/</c>, anything else is an agreement. Organizations and conflicts are
/// read first because agreements refer to them; a base corpus supplies those that the checked paths lack,
/// so a single agreement file can be checked on its own.
/// </summary>
public sealed class CorpusLoader(StateRegistry states, LocationIndex locations)
{
    /// <summary>
    /// How file paths appear in diagnostics and explanations; by default as found. The CLI shows the bundled
    /// corpus as <c>corpus/agreements/…</c> so explanations are the same on every machine.
    /// </summary>
    public Func<string, string> DisplayPath { get; init; } = p => p;

    /// <summary>Ids of agreements that come from elsewhere (imported ATOP alliances) and may be referenced.</summary>
    public IReadOnlySet<string> ExternalAgreementIds { get; init; } = new HashSet<string>();

    /// <summary>The first day a review may date (the day after ATOP 5.1 ends).</summary>
    public DateOnly ReviewFirstDay { get; init; } = new(2019, 1, 1);

    /// <summary>The last day a review may date; today by default.</summary>
    public DateOnly Today { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);

    private enum FileKind { Agreement, Organization, Conflict, Review, Invocation }

    public LoadResult LoadDirectory(string corpusDir) => Load([corpusDir], baseCorpusDir: null);

    public LoadResult Load(IReadOnlyList<string> paths, string? baseCorpusDir)
    {
        var diagnostics = new List<Diagnostic>();
        var files = new List<string>();
        foreach (var path in paths) Collect(path, files, diagnostics);
        files = files.Distinct().ToList();

        var baseFiles = new List<string>();
        if (baseCorpusDir is not null && Directory.Exists(baseCorpusDir))
        {
            var checkedFull = files.Select(Path.GetFullPath).ToHashSet();
            Collect(baseCorpusDir, baseFiles, []);
            baseFiles = baseFiles.Where(f => !checkedFull.Contains(Path.GetFullPath(f)) && KindOf(f) != FileKind.Agreement).ToList();
        }

        var parsed = files.Select(f => (File: f, Kind: KindOf(f), Root: Parse(f, DisplayPath(f), diagnostics))).ToList();

        var organizations = new Dictionary<string, Organization>(StringComparer.Ordinal);
        var conflicts = new Dictionary<string, Conflict>(StringComparer.Ordinal);
        var idOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        var reviews = new List<AtopReview>();
        var reviewed = new HashSet<int>();
        var invocations = new List<InvocationTerms>();
        foreach (var (file, kind, root) in parsed.Where(p => p.Kind != FileKind.Agreement))
        {
            if (root is null) continue;
            var ctx = new FileContext(DisplayPath(file));
            var id = Path.GetFileNameWithoutExtension(file);
            if (kind == FileKind.Organization && new OrganizationReader(ctx, states).Read(root, id) is { } org)
            {
                if (Claim(ctx, root, $"organization:{org.Id}", idOwners)) organizations[org.Id] = org;
            }
            else if (kind == FileKind.Conflict && new ConflictReader(ctx, states).Read(root, id) is { } conflict)
            {
                if (Claim(ctx, root, $"conflict:{conflict.Id}", idOwners)) conflicts[conflict.Id] = conflict;
            }
            else if (kind == FileKind.Review)
            {
                reviews.AddRange(new ReviewReader(ctx, states, ExternalAgreementIds, ReviewFirstDay, Today).Read(root, id, reviewed));
            }
            else if (kind == FileKind.Invocation && new InvocationReader(ctx, states).Read(root, id) is { } terms)
            {
                if (Claim(ctx, root, $"invocation:{terms.Agreement}", idOwners)) invocations.Add(terms);
            }
            diagnostics.AddRange(ctx.Diagnostics);
        }
        // Base organizations/conflicts fill gaps silently: their own errors belong to another check.
        foreach (var file in baseFiles)
        {
            var root = Parse(file, file, []);
            if (root is null) continue;
            var ctx = new FileContext(DisplayPath(file));
            var id = Path.GetFileNameWithoutExtension(file);
            if (KindOf(file) == FileKind.Organization && !organizations.ContainsKey(id) && new OrganizationReader(ctx, states).Read(root, id) is { } org)
                organizations[org.Id] = org;
            else if (KindOf(file) == FileKind.Conflict && !conflicts.ContainsKey(id) && new ConflictReader(ctx, states).Read(root, id) is { } c)
                conflicts[c.Id] = c;
        }

        var refs = new ReferenceData(states, locations, organizations, conflicts.Keys.ToHashSet(StringComparer.Ordinal));
        var agreements = new List<Agreement>();
        foreach (var (file, _, root) in parsed.Where(p => p.Kind == FileKind.Agreement))
        {
            if (root is null) continue;
            var ctx = new FileContext(DisplayPath(file));
            var agreement = new AgreementReader(ctx, refs).Read(root, Path.GetFileNameWithoutExtension(file));
            if (agreement is not null && Claim(ctx, root, $"agreement:{agreement.Id}", idOwners)) agreements.Add(agreement);
            diagnostics.AddRange(ctx.Diagnostics);
        }
        var known = agreements.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        known.UnionWith(ExternalAgreementIds);
        if (baseCorpusDir is not null)
        {
            var agreementsDir = Path.Combine(baseCorpusDir, "agreements");
            if (Directory.Exists(agreementsDir))
                foreach (var f in Directory.EnumerateFiles(agreementsDir, "*.yaml")) known.Add(Path.GetFileNameWithoutExtension(f));
        }
        var handEncoded = known.Except(ExternalAgreementIds).ToHashSet(StringComparer.Ordinal);
        foreach (var t in invocations)
        {
            // ATOP ids are checked only when the release is known (ExternalAgreementIds); a hand-encoded id always.
            var atop = t.Agreement.StartsWith("atop-", StringComparison.Ordinal);
            if (known.Contains(t.Agreement) || (atop && ExternalAgreementIds.Count == 0)) continue;
            diagnostics.Add(new Diagnostic(t.Position.File, t.Position.Line, t.Position.Column, ErrorCodes.UnknownAgreement,
                $"unknown agreement id '{t.Agreement}'{Suggest.DidYouMean(t.Agreement, known)}"));
        }
        foreach (var a in agreements)
        {
            foreach (var rel in a.Related)
            {
                if (!known.Contains(rel.Agreement))
                {
                    diagnostics.Add(new Diagnostic(rel.Position.File, rel.Position.Line, rel.Position.Column, ErrorCodes.UnknownAgreement,
                        $"unknown agreement id '{rel.Agreement}'{Suggest.DidYouMean(rel.Agreement, known)}"));
                }
                else if (rel.Relation == Relation.SameAs && (rel.Agreement == a.Id || handEncoded.Contains(rel.Agreement)))
                {
                    // same-as makes the engine evaluate an ATOP alliance through this file; naming a hand-encoded
                    // agreement (or itself) would hide that agreement from the cascade while what-if kept it.
                    var what = rel.Agreement == a.Id ? "the agreement itself" : $"the hand-encoded agreement '{rel.Agreement}'";
                    diagnostics.Add(new Diagnostic(rel.Position.File, rel.Position.Line, rel.Position.Column, ErrorCodes.BadSameAs,
                        $"'same-as' names {what}; it may only name an imported ATOP alliance (atop-ID)"));
                }
            }
        }

        var shownFiles = files.Select(DisplayPath).ToHashSet();
        var ordered = diagnostics.OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column).ToList();
        var summary = new CheckSummary(files.Count, agreements.Count,
            organizations.Count(o => shownFiles.Contains(o.Value.Position.File)), conflicts.Count(c => shownFiles.Contains(c.Value.Position.File)),
            agreements.Sum(a => a.Provisions.Count), ordered.Count);
        var corpus = ordered.Count == 0
            ? new Corpus(agreements, organizations.Values, conflicts.Values, states, locations)
            : null;
        var warnings = Checks.SourceHygiene.Check(agreements, organizations,
            organizations.Values.Where(o => shownFiles.Contains(o.Position.File)), conflicts.Values.Where(c => shownFiles.Contains(c.Position.File)));
        return new LoadResult(corpus, ordered, summary)
        {
            Reviews = corpus is null ? [] : reviews.OrderBy(r => r.AtopId).ToList(),
            Invocations = corpus is null ? [] : invocations.OrderBy(t => t.Agreement, StringComparer.Ordinal).ToList(),
            Warnings = warnings.OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column).ToList(),
        };
    }

    private static bool Claim(FileContext ctx, YamlMapping root, string key, Dictionary<string, string> owners)
    {
        if (owners.TryAdd(key, ctx.Path)) return true;
        var idNode = root.Find("id")?.Value ?? root;
        ctx.Error(idNode, ErrorCodes.DuplicateId, $"{key.Replace(":", " '")}' is already defined in {owners[key]}");
        return false;
    }

    private static FileKind KindOf(string file)
    {
        var dir = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(file)) ?? "");
        return dir switch
        {
            "organizations" => FileKind.Organization,
            "conflicts" => FileKind.Conflict,
            "reviews" => FileKind.Review,
            "invocation" => FileKind.Invocation,
            _ => FileKind.Agreement,
        };
    }

    private static void Collect(string path, List<string> files, List<Diagnostic> diagnostics)
    {
        if (Directory.Exists(path))
        {
            files.AddRange(Directory.EnumerateFiles(path, "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal));
        }
        else if (File.Exists(path)) files.Add(path);
        else diagnostics.Add(new Diagnostic(path, 1, 1, ErrorCodes.Unreadable, "no such file or folder"));
    }

    /// <summary>
    /// One agreement from YAML text (a draft) read against a loaded corpus: its organizations, conflicts, states
    /// and places are the corpus's, and it may name the corpus's agreements (supersedes, same-as). Diagnostics
    /// name <paramref name="shown"/> as the file.
    /// </summary>
    public (Agreement? Agreement, IReadOnlyList<Diagnostic> Diagnostics) ReadAgreement(string yaml, string id, string shown, Corpus over)
    {
        var diagnostics = new List<Diagnostic>();
        var root = ParseText(yaml, shown, diagnostics);
        if (root is null) return (null, diagnostics);
        var refs = new ReferenceData(states, locations, over.Organizations.ToDictionary(o => o.Id, StringComparer.Ordinal),
            over.Conflicts.Select(c => c.Id).ToHashSet(StringComparer.Ordinal));
        var ctx = new FileContext(shown);
        var agreement = new AgreementReader(ctx, refs).Read(root, id);
        diagnostics.AddRange(ctx.Diagnostics);
        if (agreement is not null)
        {
            var known = over.Agreements.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var rel in agreement.Related.Where(r => !known.Contains(r.Agreement)))
                diagnostics.Add(new Diagnostic(rel.Position.File, rel.Position.Line, rel.Position.Column, ErrorCodes.UnknownAgreement,
                    $"unknown agreement id '{rel.Agreement}'{Suggest.DidYouMean(rel.Agreement, known)}"));
        }
        return diagnostics.Count == 0 ? (agreement, diagnostics) : (null, diagnostics);
    }

    private static YamlMapping? Parse(string file, string shown, List<Diagnostic> diagnostics) =>
        InputFile.ReadText(file, shown, diagnostics) is { } text ? ParseText(text, shown, diagnostics) : null;

    private static YamlMapping? ParseText(string text, string shown, List<Diagnostic> diagnostics)
    {
        try
        {
            var root = YamlTreeParser.Parse(text);
            if (root is not null && ControlCharacters.Find(root, shown, diagnostics)) return null;
            switch (root)
            {
                case null:
                    diagnostics.Add(new Diagnostic(shown, 1, 1, ErrorCodes.EmptyFile, "the file holds no YAML document"));
                    return null;
                case YamlMapping map:
                    return map;
                case YamlScalar s when s.IsNull:
                    diagnostics.Add(new Diagnostic(shown, 1, 1, ErrorCodes.EmptyFile, "the file holds no YAML document"));
                    return null;
                default:
                    diagnostics.Add(new Diagnostic(shown, root.Line, root.Column, ErrorCodes.WrongType, "the file must be a mapping of keys (id, title, …)"));
                    return null;
            }
        }
        catch (YamlSyntaxException e)
        {
            diagnostics.Add(new Diagnostic(shown, e.Line, e.Column, ErrorCodes.YamlSyntax, e.Message));
            return null;
        }
    }
}
