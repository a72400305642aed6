using System.Runtime.CompilerServices;
namespace Pacta.Datasets.Atop;

/// <summary>The columns the importer reads, and which of them ATOP may leave missing.</summary>
internal static class AtopColumns
{
    public static readonly string[] ObligationColumns = ["defense", "offense", "neutral", "nonagg", "consul"];

    public static readonly AllianceObligations[] ObligationFlags =
    [
        AllianceObligations.Defense, AllianceObligations.Offense, AllianceObligations.Neutrality,
        AllianceObligations.NonAggression, AllianceObligations.Consultation,
    ];

    /// <summary>The condition dummies per promise type (codebook §2.33); non-aggression has none.</summary>
    public static readonly IReadOnlyDictionary<AllianceObligations, string[]> ConditionColumns = new Dictionary<AllianceObligations, string[]>
    {
        [AllianceObligations.Defense] = ["defcoadv", "defcoloc", "defcocon", "defconum", "defcodem", "defconpr"],
        [AllianceObligations.Offense] = ["offcoadv", "offcoloc", "offcocon", "offconum", "offcodem"],
        [AllianceObligations.Neutrality] = ["neucoadv", "neucoloc", "neucocon", "neuconum", "neucodem", "neuconpr", "neucoatt"],
        [AllianceObligations.NonAggression] = [],
        [AllianceObligations.Consultation] = ["concoadv", "concoloc", "concocon", "concoreq"],
    };

    public const string OtherCondition = "olimob";

    /// <summary>Every condition dummy, then OLIMOB, in a fixed order.</summary>
    public static readonly string[] AllConditions = [.. ConditionColumns.Values.SelectMany(c => c), OtherCondition];

    public static readonly string[] MemberRequired =
    [
        "atopid", "member", "cowsys", "yrent", "moent", "dayent", "yrexit", "moexit", "dayexit", "ineffect",
        "bilat", "phase", "maxphase", "termmode", .. ObligationColumns,
        .. ConditionColumns.Values.SelectMany(c => c), OtherCondition, "asymm", "obvary", "version",
    ];

    public static readonly string[] AllianceRequired =
    [
        "atopid", "cowid", "cow4id", "begyr", "begmo", "begday", "endyr", "endmo", "endday", "ineffect", "bilat",
        "maxphase", "estmode", "pubsecr", "secrart", "term", "asymm", "specthrt", "statthr1", "statthr2", "milaid",
        "organ1", "orgpurp1", "organ2", "orgpurp2", "version",
    ];

    /// <summary>Columns ATOP may leave blank: unknown days, COW ids, and content it could not code without the text.</summary>
    public static readonly HashSet<string> MayBeMissing =
    [
        "dayent", "dayexit", "begday", "endday", "cowid", "cow4id", "termmode", "estmode", "pubsecr", "secrart",
        "specthrt", "statthr1", "statthr2", "milaid", "organ1", "orgpurp1", "organ2", "orgpurp2", "term",
    ];

    /// <summary>How a missing value may be written: blank (the CSV release), Stata's ".", R's NA, or a -9 style code.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsMissingCode(ReadOnlySpan<char> text) => text is "" or "." or "NA" or "-9" or "-99" or "-999";
}
