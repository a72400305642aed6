namespace Pacta.Datasets;

/// <summary>
/// The five ATOP promise types as bits, plus <see cref="Allied"/>: the pair shares an alliance even when
/// neither owes the other anything (ATOP's SHAREOB case), which still yields a dyad-year row.
/// </summary>
[Flags]
public enum AllianceObligations : byte
{
    None = 0,
    Defense = 1,
    Offense = 2,
    Neutrality = 4,
    NonAggression = 8,
    Consultation = 16,

    /// <summary>
    /// Provenance, not a promise: at least one alliance behind the cell is an ATOP alliance carried past the
    /// release that no review covers (continued by assumption; set only in years after the release).
    /// </summary>
    Unreviewed = 32,

    /// <summary>
    /// Provenance, not a promise: at least one alliance behind the cell comes from Pacta's own encoding
    /// (years after the ATOP release; see <see cref="Modern.ContinuousAlliances"/>).
    /// </summary>
    Pacta = 64,
    Allied = 128,

    /// <summary>The five promise bits without <see cref="Allied"/>.</summary>
    AtopKinds = Defense | Offense | Neutrality | NonAggression | Consultation,
}

public static class AllianceObligationsExtensions
{
    /// <summary>0 or 1 for one promise type, as written in dataset columns.</summary>
    public static int Bit(this AllianceObligations o, AllianceObligations promise) => (o & promise) != 0 ? 1 : 0;
}
