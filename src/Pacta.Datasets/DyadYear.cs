namespace Pacta.Datasets;

/// <summary>One (directed or not) dyad-year row: ccode1, ccode2, year and the ATOP columns.</summary>
public readonly record struct DyadYear(int Ccode1, int Ccode2, int Year, AllianceObligations Obligations)
{
    public int Defense => Obligations.Bit(AllianceObligations.Defense);
    public int Offense => Obligations.Bit(AllianceObligations.Offense);
    public int Neutral => Obligations.Bit(AllianceObligations.Neutrality);
    public int NonAgg => Obligations.Bit(AllianceObligations.NonAggression);
    public int Consul => Obligations.Bit(AllianceObligations.Consultation);

    /// <summary>The <c>source</c> column: <c>pacta</c> when an alliance of the row comes from Pacta's encoding, else <c>atop</c>.</summary>
    public string Source => DyadSources.Of(Obligations);
}

/// <summary>The values of the <c>source</c> column.</summary>
public static class DyadSources
{
    public const string Atop = "atop";
    public const string Pacta = "pacta";

    public static string Of(AllianceObligations o) => (o & AllianceObligations.Pacta) != 0 ? Pacta : Atop;
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
