using Pacta.Domain;

namespace Pacta.Evaluation;

public enum CheckResult { Met, NotMet, Unknown }

/// <summary>Where a check comes from: agreement, provision, file and line.</summary>
public sealed record ExplanationSource(string Agreement, string Provision, string File, int Line)
{
    public static ExplanationSource Of(Agreement a, Provision? p, Position? at = null) =>
        new(a.Id, p?.Citation ?? "", (at ?? p?.Position ?? a.Position).File, (at ?? p?.Position ?? a.Position).Line);
}

/// <summary>
/// One node of an explanation tree: a check, its result and its source, with the checks beneath it.
/// Trees are kept for provisions that did not trigger too, so "why not?" always has an answer.
/// </summary>
public sealed record Explanation(string Check, CheckResult Result, ExplanationSource? Source, IReadOnlyList<Explanation> Children)
{
    public static Explanation Leaf(string check, CheckResult result, ExplanationSource? source) => new(check, result, source, []);

    public static Explanation Leaf(string check, bool met, ExplanationSource? source) =>
        new(check, met ? CheckResult.Met : CheckResult.NotMet, source, []);

    /// <summary>The first check that is not met, depth first: the reason a provision did not trigger.</summary>
    public Explanation? FirstNotMet() =>
        Children.Count == 0
            ? (Result == CheckResult.NotMet ? this : null)
            : Children.Select(c => c.FirstNotMet()).FirstOrDefault(x => x is not null) ?? (Result == CheckResult.NotMet ? this : null);
}
