namespace Pacta.Domain;

/// <summary>
/// The closed word sets of the model in one place, as the files, the JSON and the UI spell them. Enum-backed sets
/// (event kinds, strengths, roles, …) come from their enums through <see cref="Words"/>; selector kinds are the
/// enum <see cref="SelectorKind"/>; the word-valued ones (territory rules, origins, the relations the engine acts on)
/// are named here, and the reader, the resolver of who is bound and the web's <c>/api/vocabulary</c> use these names.
/// </summary>
public static class Vocabulary
{
    /// <summary>Whom a trigger or obligation names (<see cref="Selector.Kind"/>, the enum <see cref="SelectorKind"/>).</summary>
    public static class SelectorKinds
    {
        /// <summary>The kinds a file writes as a bare word (the others are a list of states or <c>role:ROLE</c>).</summary>
        public static readonly IReadOnlyList<SelectorKind> Keywords =
            [SelectorKind.AnyMember, SelectorKind.OtherParties, SelectorKind.Target, SelectorKind.Anyone, SelectorKind.NonParty];

        /// <summary>The words of the kinds a file may write: the keywords, <c>states</c> and <c>role</c> (an organization is not written).</summary>
        public static readonly IReadOnlyList<string> All = [.. Keywords.Select(Words.Of), Words.Of(SelectorKind.States), Words.Of(SelectorKind.Role)];
    }

    /// <summary>Whose territory the place attacked must be (<see cref="Scope.Territory"/>).</summary>
    public static class Territories
    {
        public const string Target = "target";
        public const string AnyParty = "any-party";
        public const string Any = "any";

        public static readonly IReadOnlyList<string> All = [Target, AnyParty, Any];
    }

    /// <summary>Where an agreement comes from (<see cref="Agreement.Origin"/>): a hand-encoded file or the ATOP dataset.</summary>
    public static class Origins
    {
        public const string Pacta = "pacta";
        public const string Atop = "atop";

        public static readonly IReadOnlyList<string> All = [Pacta, Atop];
    }

    /// <summary>The relations between agreements the engine acts on (<see cref="AgreementRelation.Relation"/>; others are descriptive).</summary>
    public static class Relations
    {
        public const string Supersedes = "supersedes";
        public const string SameAs = "same-as";

        public static readonly IReadOnlyList<string> Acted = [Supersedes, SameAs];
    }

    /// <summary>Event kinds in declaration order (the words <c>--kind</c> and a trigger's <c>kinds</c> take).</summary>
    public static IReadOnlyList<string> EventKinds { get; } = [.. Enum.GetValues<TriggerKind>().Select(Words.Of)];

    /// <summary>Strengths from the strongest (<c>automatic</c>) to the weakest (<c>consultative</c>): the enum's order is the rank.</summary>
    public static IReadOnlyList<string> StrengthRanks { get; } = [.. Enum.GetValues<Strength>().Order().Select(Words.Of)];

    public static IReadOnlyList<string> Roles { get; } = [.. Enum.GetValues<PartyRole>().Select(Words.Of)];
    public static IReadOnlyList<string> ProvisionKinds { get; } = [.. Enum.GetValues<ProvisionKind>().Select(Words.Of)];
    public static IReadOnlyList<string> AssistanceTypes { get; } = [.. Enum.GetValues<AssistanceType>().Select(Words.Of)];
    public static IReadOnlyList<string> ConditionKinds { get; } = [.. Enum.GetValues<ConditionKind>().Select(Words.Of)];
    public static IReadOnlyList<string> Bindingness { get; } = [.. Enum.GetValues<Domain.Bindingness>().Select(Words.Of)];
}
