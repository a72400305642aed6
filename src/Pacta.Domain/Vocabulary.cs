namespace Pacta.Domain;

/// <summary>
/// The closed word sets of the model in one place, as the files, the JSON and the UI spell them. Enum-backed sets
/// (event kinds, strengths, roles, …) come from their enums through <see cref="Words"/>; selector kinds are the
/// enum <see cref="SelectorKind"/>; territory rules, origins and relations are the enums <see cref="Territory"/>,
/// <see cref="AgreementOrigin"/> and <see cref="Relation"/>, each described here. The reader parses these words once, the
/// engine carries the enums, and the writers and the web's <c>/api/vocabulary</c> spell them through <see cref="Words"/>.
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

    /// <summary>A word of a closed set as the files and the JSON spell it, with what it means.</summary>
    public sealed record Word(string Name, string Description);

    // A switch below without a named value's case is a build error (CS8509, warnings are errors), so no word lacks its
    // description; CS8524 (a number outside the enum) is left to Described, which only passes defined values.
#pragma warning disable CS8524
    /// <summary>Whose territory the place attacked must be (<see cref="Scope.Territory"/>, the enum <see cref="Territory"/>).</summary>
    public static IReadOnlyList<Word> Territories { get; } = Described<Territory>(t => t switch
    {
        Territory.Target => "the place attacked must belong to the target (the default)",
        Territory.AnyParty => "the place attacked may belong to any party of the agreement",
        Territory.Any => "the place attacked may be anywhere the scope's locations allow",
    });

    /// <summary>Where an agreement comes from (<see cref="Agreement.Origin"/>, the enum <see cref="AgreementOrigin"/>).</summary>
    public static IReadOnlyList<Word> Origins { get; } = Described<AgreementOrigin>(o => o switch
    {
        AgreementOrigin.Pacta => "hand-encoded from the treaty text (corpus/agreements)",
        AgreementOrigin.Atop => "imported from the ATOP dataset (atop-ID)",
    });

    /// <summary>How an agreement stands to another it names (<see cref="AgreementRelation.Relation"/>, the enum <see cref="Relation"/>).</summary>
    public static IReadOnlyList<Word> Relations { get; } = Described<Relation>(r => r switch
    {
        Relation.SameAs => "the same instrument as an imported ATOP alliance: evaluated once, through the hand-encoded file",
        Relation.Supersedes => "ends the other agreement the day before this one enters into force",
        Relation.SuccessorOf => "continues the other agreement's role (descriptive; the engine does not act on it)",
    });

#pragma warning restore CS8524

    private static Word[] Described<T>(Func<T, string> describe) where T : struct, Enum =>
        [.. Enum.GetValues<T>().Select(v => new Word(Words.Of(v), describe(v)))];

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
