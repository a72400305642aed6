using Pacta.Domain;

namespace Pacta.Evaluation.Checks;

/// <summary>
/// One check of a clause against an event: it decides (met, not met, unknown; null when it does not apply to the
/// clause), words why when asked, and declares what it reads. Deciding and wording are one method so that they
/// cannot disagree; without a list to word into it must not allocate (the what-if's hot path).
/// </summary>
public abstract class ClauseCheck
{
    /// <summary>A short name for listings and tests ("attacker", "scope").</summary>
    public abstract string Name { get; }

    /// <summary>What of the event the decision reads.</summary>
    public abstract CheckDependency DependsOn { get; }

    /// <summary>
    /// When not met, the checks after it are neither decided nor worded (an agreement not in force: nothing else
    /// matters, which keeps the hundreds of historical alliances cheap).
    /// </summary>
    public virtual bool Decisive => false;

    /// <summary>
    /// Decides for <paramref name="x"/>; when <paramref name="explain"/> is given, adds its explanation node(s) to it.
    /// </summary>
    public abstract CheckResult? Run(in ClauseInput x, List<Explanation>? explain);

    /// <summary>
    /// For an attacker-dependent check: the attackers it treats by name in this provision. A table that evaluates a
    /// stand-in attacker (party to nothing, named by nothing) evaluates these attackers in full; for every other
    /// attacker the check must decide as it does for the stand-in or rule the attacker out.
    /// </summary>
    public virtual IReadOnlyList<int> NamedAttackers(Provision p) => [];

    public override string ToString() => Name;
}

/// <summary>
/// What a check reads: the agreement on the event's day (with the event and its scene), the provision, the
/// obligation for obligation-level checks, and the source to word leaves with (null: decide only).
/// </summary>
public readonly record struct ClauseInput(AgreementAtEvent At, Provision Provision, Obligation? Obligation, ExplanationSource? Source)
{
    public Event Event => At.Scene.Event;
    public Trigger Trigger => Provision.Trigger!;
    public bool Explaining => Source is not null;
}
