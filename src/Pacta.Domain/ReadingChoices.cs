namespace Pacta.Domain;

/// <summary>
/// Chooses and applies readings of contested clauses. An agreement as read carries its default readings applied
/// (<see cref="Agreement.Applied"/>); applying other choices rewrites only the agreements they change, so a corpus
/// under the default readings is the corpus itself and every cache over it stays valid.
/// </summary>
public static class ReadingChoices
{
    /// <summary>Reads <c>[AGREEMENT[/PROVISION]:]CLAUSE=READING</c>; null with <paramref name="error"/> when malformed.</summary>
    public static ReadingChoice? Parse(string text, out string? error)
    {
        error = null;
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        var colon = text.LastIndexOf(':', eq < 0 ? text.Length - 1 : eq);
        var scope = colon < 0 ? null : text[..colon];
        var clause = eq < 0 ? "" : text[(colon + 1)..eq];
        var reading = eq < 0 ? "" : text[(eq + 1)..];
        string? agreement = scope, provision = null;
        if (scope is not null && scope.IndexOf('/', StringComparison.Ordinal) is var slash and >= 0)
        {
            agreement = scope[..slash];
            provision = scope[(slash + 1)..];
        }
        if (clause.Length == 0 || reading.Length == 0 || agreement is "" || provision is "")
        {
            error = $"'{text}' must be CLAUSE=READING, AGREEMENT:CLAUSE=READING or AGREEMENT/PROVISION:CLAUSE=READING (e.g. post-war-gate=renewed-aggression)";
            return null;
        }
        return new ReadingChoice(agreement, provision, clause, reading);
    }

    /// <summary>Why <paramref name="c"/> names no reading of the corpus, or null when it does.</summary>
    public static string? Check(ReadingChoice c, Corpus corpus)
    {
        IEnumerable<(Agreement A, ContestedClause Clause)> clauses = corpus.Agreements.SelectMany(a => a.Contested.Select(x => (a, x)));
        if (c.Agreement is not null)
        {
            if (corpus.Agreement(c.Agreement) is not { } a)
                return $"unknown agreement '{c.Agreement}'{Suggest.DidYouMean(c.Agreement, corpus.Agreements.Select(x => x.Id))}";
            if (a.Contested.Count == 0) return $"{a.Id} has no contested clause (pacta readings lists them)";
            clauses = a.Contested.Select(x => (a, x));
            if (c.Provision is not null)
            {
                if (a.Provisions.All(p => p.Id != c.Provision))
                    return $"{a.Id} has no provision '{c.Provision}'{Suggest.DidYouMean(c.Provision, a.Provisions.Select(p => p.Id))}";
                clauses = clauses.Where(x => x.Clause.Provision == c.Provision);
            }
        }
        var named = clauses.Where(x => x.Clause.Id == c.Clause).ToList();
        if (named.Count == 0)
        {
            var ids = clauses.Select(x => x.Clause.Id).Distinct().Order(StringComparer.Ordinal).ToList();
            return $"no contested clause '{c.Clause}'{(c.Agreement is null ? "" : $" in {c.Agreement}{(c.Provision is null ? "" : "/" + c.Provision)}")}"
                + $"{Suggest.DidYouMean(c.Clause, ids)} (contested clauses: {(ids.Count == 0 ? "none" : string.Join(", ", ids))})";
        }
        if (named.All(x => x.Clause.Find(c.Reading) is null))
        {
            var readings = named.SelectMany(x => x.Clause.Readings.Select(r => r.Id)).Distinct().ToList();
            return $"'{c.Clause}' has no reading '{c.Reading}'{Suggest.DidYouMean(c.Reading, readings)} (readings: {string.Join(", ", readings)})";
        }
        return null;
    }

    /// <summary>The reading chosen for <paramref name="clause"/> of <paramref name="agreement"/>: the most specific choice that names it, else the default.</summary>
    public static string Choose(ContestedClause clause, string agreement, IReadOnlyList<ReadingChoice> choices)
    {
        string? general = null, forAgreement = null;
        foreach (var c in choices)
        {
            if (c.Clause != clause.Id || clause.Find(c.Reading) is null) continue;
            if (c.Agreement is null) general = c.Reading;
            else if (c.Agreement != agreement) continue;
            else if (c.Provision is null) forAgreement = c.Reading;
            else if (c.Provision == clause.Provision) return c.Reading;
        }
        return forAgreement ?? general ?? clause.Default;
    }

    /// <summary>The corpus under <paramref name="choices"/>; the same instance when they change nothing.</summary>
    public static Corpus Apply(Corpus corpus, IReadOnlyList<ReadingChoice> choices)
    {
        if (choices.Count == 0) return corpus;
        var changed = false;
        var agreements = new List<Agreement>(corpus.Agreements.Count);
        foreach (var a in corpus.Agreements)
        {
            var b = Apply(a, choices);
            changed |= !ReferenceEquals(a, b);
            agreements.Add(b);
        }
        return changed ? new Corpus(agreements, corpus.Organizations, corpus.Conflicts, corpus.States, corpus.Locations) : corpus;
    }

    /// <summary>The agreement under <paramref name="choices"/> (defaults where none applies); the same instance when nothing changes.</summary>
    public static Agreement Apply(Agreement a, IReadOnlyList<ReadingChoice> choices)
    {
        if (a.Contested.Count == 0) return a;
        var applied = a.Contested.Select(c => new AppliedReading(c, Choose(c, a.Id, choices))).ToList();
        if (a.Applied.Count == applied.Count && a.Applied.Zip(applied).All(x => ReferenceEquals(x.First.Clause, x.Second.Clause) && x.First.Reading == x.Second.Reading))
            return a;
        return Rewrite(a, applied);
    }

    /// <summary>
    /// Sets what each applied reading says. Every reading of a clause sets the same keys (the reader checks it), so
    /// rewriting an agreement that had other readings applied leaves nothing of them behind.
    /// </summary>
    public static Agreement Rewrite(Agreement a, IReadOnlyList<AppliedReading> applied)
    {
        var bindingness = a.Bindingness;
        bool? assumed = null;
        foreach (var x in applied.Where(x => x.Clause.Provision is null))
        {
            if (x.Clause.Find(x.Reading)?.Effect is not { } e) continue;
            if (e.Bindingness is { } b) bindingness = b;
            if (e.AssumedParties is { } ap) assumed = ap;
        }
        var parties = a.Parties;
        var setAside = a.SetAside;
        if (assumed is { } include)
        {
            var all = a.Parties.Concat(a.SetAside).OrderBy(p => p.Position.Line).ThenBy(p => p.Position.Column).ToList();
            parties = include ? all : [.. all.Where(p => !p.AssumedByEncoding)];
            setAside = include ? [] : [.. all.Where(p => p.AssumedByEncoding)];
        }
        var provisions = a.Provisions.Select(p =>
        {
            foreach (var x in applied.Where(x => x.Clause.Provision == p.Id))
            {
                if (x.Clause.Find(x.Reading)?.Effect is not { } e) continue;
                if (p.Trigger is { } t && (e.SetsAfterHostilities || e.Attacker is not null))
                    p = p with
                    {
                        Trigger = t with
                        {
                            AfterHostilities = e.SetsAfterHostilities ? e.AfterHostilities : t.AfterHostilities,
                            Attacker = e.Attacker ?? t.Attacker,
                        },
                    };
                if (e.Obligor is { } o) p = p with { Obligations = [.. p.Obligations.Select(ob => ob with { Obligor = o })] };
            }
            return p;
        }).ToList();
        return a with { Bindingness = bindingness, Parties = parties, SetAside = setAside, Provisions = provisions, Applied = applied };
    }

    /// <summary>
    /// The applied readings an item of an outcome depends on: those of its provision, the agreement's bindingness,
    /// and the assumed-parties clause when the obligor is one of the parties the encoding assumes.
    /// </summary>
    public static IEnumerable<AppliedReading> DependsOn(Agreement a, Provision p, int? obligor = null)
    {
        // The provision's own clauses first: "reading" in the JSON names the first.
        foreach (var x in a.Applied)
            if (x.Clause.Provision == p.Id) yield return x;
        foreach (var x in a.Applied)
        {
            if (x.Clause.Provision is not null) continue;
            var e = x.Clause.Find(x.Reading)?.Effect;
            if (e?.Bindingness is not null) yield return x;
            else if (e?.AssumedParties is not null && obligor is { } o && a.Parties.Any(q => q.State == o && q.AssumedByEncoding)) yield return x;
        }
    }
}
