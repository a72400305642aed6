namespace Pacta.Domain;

/// <summary>The agreement a query names, or why none: one message, with a suggestion where one is close.</summary>
public sealed record AgreementMatch(Agreement? Agreement, string? Error);

/// <summary>
/// Finds an agreement by what a user types: its id (any case); an organization's id, name or alias (from the
/// organization files) when exactly one agreement has that organization as a party, or exactly one has it as its only
/// party — its own treaty (<c>NATO</c> → the North Atlantic Treaty, not the NATO–Russia Founding Act); or the start of exactly one id, ending at a '-' or the id's end (<c>north-atlantic</c>).
/// Nothing here lists names: every alias comes from the corpus.
/// </summary>
public static class AgreementLookup
{
    public static AgreementMatch Find(Corpus corpus, string query)
    {
        var q = query.Trim();
        if (corpus.Agreement(q) is { } exact) return new(exact, null);
        var byId = corpus.Agreements.Where(a => a.Id.Equals(q, StringComparison.OrdinalIgnoreCase)).ToList();
        if (byId.Count == 1) return new(byId[0], null);

        var org = corpus.Organizations.FirstOrDefault(o => o.Id.Equals(q, StringComparison.OrdinalIgnoreCase)
            || o.Name.Equals(q, StringComparison.OrdinalIgnoreCase) || o.Aliases.Any(a => a.Equals(q, StringComparison.OrdinalIgnoreCase)));
        if (org is not null)
        {
            var of = corpus.Agreements.Where(a => a.Parties.Any(p => p.Organization == org.Id)).ToList();
            if (of.Count == 1) return new(of[0], null);
            // Several: the organization's own treaty is the one it is the sole party of.
            var own = of.Where(a => a.Parties.All(p => p.Organization == org.Id)).ToList();
            if (own.Count == 1) return new(own[0], null);
            // A party of none (the CSTO treaty lists its members state by state): its treaty's id starts with its own.
            if (of.Count == 0 && Prefixed(corpus, org.Id.ToLowerInvariant()) is [var treaty]) return new(treaty, null);
            if (of.Count > 1) return new(null, $"'{query}' is the organization {org.Name}, a party of {of.Count} agreements: {string.Join(", ", of.Select(a => a.Id))}; give one id");
        }

        var lower = q.ToLowerInvariant();
        var prefixed = lower.Length < 3 ? [] : Prefixed(corpus, lower);
        if (prefixed.Count == 1) return new(prefixed[0], null);
        if (prefixed.Count > 1)
            return new(null, $"'{query}' starts {prefixed.Count} agreement ids: {string.Join(", ", prefixed.Take(8).Select(a => a.Id))}{(prefixed.Count > 8 ? ", …" : "")}; give one id");

        var names = corpus.Agreements.Select(a => a.Id).Concat(corpus.Organizations.SelectMany(o => o.Aliases.Prepend(o.Id)));
        return new(null, $"unknown agreement '{query}'{Suggest.DidYouMean(q, names)}");
    }

    private static List<Agreement> Prefixed(Corpus corpus, string lower) => corpus.Agreements.Where(a => a.Id.StartsWith(lower, StringComparison.Ordinal)
        && (a.Id.Length == lower.Length || a.Id[lower.Length] == '-')).ToList();
}
