using Pacta.Domain;

namespace Pacta.Datasets;

/// <summary>One (directed or not) dyad-year row: ccode1, ccode2, year and the ATOP columns.</summary>
public readonly record struct DyadYear(int Ccode1, int Ccode2, int Year, AllianceObligations Obligations)
{
    public int Defense => Obligations.Bit(AllianceObligations.Defense);
    public int Offense => Obligations.Bit(AllianceObligations.Offense);
    public int Neutral => Obligations.Bit(AllianceObligations.Neutrality);
    public int NonAgg => Obligations.Bit(AllianceObligations.NonAggression);
    public int Consul => Obligations.Bit(AllianceObligations.Consultation);

    /// <summary>Where the row's alliance values come from: the <c>source</c> column (<see cref="DyadOrigins"/>).</summary>
    public DyadOrigin Origin => DyadOrigins.Of(Obligations, Year);
}

/// <summary>
/// Where a dyad-year row's alliance values come from, written in the <c>source</c> column (docs/datasets.md; the
/// column's name is a published contract, its meaning is origin, not citation). Up to
/// <see cref="DyadOrigins.AtopLastYear"/> every row is ATOP's. After it, the weakest evidence behind the row names it:
/// an unreviewed continuation, else Pacta's own codings, else reviewed ATOP alliances (or no alliance at all).
/// </summary>
public enum DyadOrigin
{
    /// <summary>ATOP's own rows (years of the release).</summary>
    Atop,

    /// <summary>After the release: only ATOP alliances that the review (corpus/reviews) continues, or none.</summary>
    AtopReviewed,

    /// <summary>After the release: at least one ATOP alliance continued by assumption, without a review.</summary>
    AtopUnreviewed,

    /// <summary>After the release: at least one alliance from Pacta's own codings (and no unreviewed one).</summary>
    Pacta,
}

/// <summary>The <see cref="DyadOrigin"/> of a row, and its word in the <c>source</c> column.</summary>
public static class DyadOrigins
{
    /// <summary>The last year of ATOP 5.1, the release Pacta ships and continues.</summary>
    public const int AtopLastYear = 2018;

    public static DyadOrigin Of(AllianceObligations o, int year) =>
        (o & AllianceObligations.Unreviewed) != 0 ? DyadOrigin.AtopUnreviewed
        : (o & AllianceObligations.Pacta) != 0 ? DyadOrigin.Pacta
        : year > AtopLastYear ? DyadOrigin.AtopReviewed : DyadOrigin.Atop;

    // Spelled once: the writers call this for every row.
    private static readonly string[] Spelled = [.. Enum.GetValues<DyadOrigin>().Select(Words.Of)];

    // The same words as UTF-8 (ASCII) bytes, for the CSV writers' row loops: no string encoded per row.
    private static readonly byte[][] SpelledUtf8 = [.. Spelled.Select(System.Text.Encoding.UTF8.GetBytes)];

    /// <summary>The column's word: <c>atop</c>, <c>atop-reviewed</c>, <c>atop-unreviewed</c>, <c>pacta</c>.</summary>
    public static string Word(DyadOrigin origin) => Spelled[(int)origin];

    /// <summary><see cref="Word"/> as UTF-8 bytes (shared: do not write to them).</summary>
    internal static ReadOnlySpan<byte> WordUtf8(DyadOrigin origin) => SpelledUtf8[(int)origin];
}

/// <summary>
/// One state-year row with ATOP's atop5_1sy content (codebook §2.5): the state's own promises toward anyone,
/// the number of alliances it belongs to, whether any of its memberships starts or ends that year, and the
/// alliance ids in ascending order.
/// </summary>
public sealed record StateYear(int State, int Year, AllianceObligations Obligations, int Number, bool TransitionYear, IReadOnlyList<int> AllianceIds);

/// <summary>An inclusive range of years.</summary>
public readonly record struct YearRange(int From, int To)
{
    public int Count => To >= From ? To - From + 1 : 0;
    public bool Contains(int year) => year >= From && year <= To;
    public override string ToString() => $"{From}–{To}";
}
