using Pacta.Domain;

namespace Pacta.Evaluation.Cascade;

/// <summary>
/// A published estimate of how often alliance obligations are honoured, by provision kind where the study gives
/// one (<see cref="Overall"/> otherwise).
/// </summary>
public sealed record HonourPreset(string Id, string Finding, string Citation, double Overall, IReadOnlyDictionary<ProvisionKind, double> ByKind)
{
    public double For(ProvisionKind kind) => ByKind.TryGetValue(kind, out var p) ? p : Overall;
}

/// <summary>The presets shipped with Pacta; the figures are those in the cited studies (see docs/cascade.md).</summary>
public static class HonourPresets
{
    public static readonly HonourPreset Llm2000 = new("llm2000",
        "74.5 % of obligations invoked by war honoured, 1816-1944, judged against each treaty's specific terms",
        "Leeds, Long & Mitchell (2000), Reevaluating Alliance Reliability: Specific Threats, Specific Promises, Journal of Conflict Resolution 44(5): 686-699",
        0.745, new Dictionary<ProvisionKind, double>());

    public static readonly HonourPreset Bf2018 = new("bf2018",
        "50 % overall, 1816-2003; defence 41 %, offence 74 %, neutrality 78 %, non-aggression 37 % (other kinds: the overall rate)",
        "Berkemeier & Fuhrmann (2018), Reassessing the fulfillment of alliance obligations in war, Research & Politics (April-June 2018)",
        0.50, new Dictionary<ProvisionKind, double>
        {
            [ProvisionKind.Defense] = 0.41,
            [ProvisionKind.Offense] = 0.74,
            [ProvisionKind.Neutrality] = 0.78,
            [ProvisionKind.NonAggression] = 0.37,
        });

    public static readonly HonourPreset Bf2018Post1945 = new("bf2018-post1945",
        "22 % of obligations honoured in wars 1945-2003 (no split by kind)",
        "Berkemeier & Fuhrmann (2018), Research & Politics (April-June 2018)",
        0.22, new Dictionary<ProvisionKind, double>());

    public static readonly HonourPreset Bf2018Pre1945 = new("bf2018-pre1945",
        "66 % of obligations honoured in wars before 1945 (no split by kind)",
        "Berkemeier & Fuhrmann (2018), Research & Politics (April-June 2018)",
        0.66, new Dictionary<ProvisionKind, double>());

    public static readonly HonourPreset Certain = new("certain",
        "every obligation honoured: the deterministic cascade",
        "none (a reference point)", 1.0, new Dictionary<ProvisionKind, double>());

    public static readonly IReadOnlyList<HonourPreset> All = [Bf2018, Bf2018Post1945, Bf2018Pre1945, Llm2000, Certain];

    public static HonourPreset Default => Bf2018;

    public static HonourPreset? Find(string id) => All.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// The probability that an obligation is honoured: an override for its agreement, else for its kind, else the
/// preset's figure for its kind; then multiplied by factors for strength and bindingness (1 unless the user sets
/// them: no study reports them).
/// </summary>
public sealed record HonourModel(
    HonourPreset Preset,
    IReadOnlyDictionary<string, double> ByAgreement,
    IReadOnlyDictionary<ProvisionKind, double> ByKind,
    IReadOnlyDictionary<Strength, double> StrengthFactor,
    IReadOnlyDictionary<Bindingness, double> BindingnessFactor)
{
    public static HonourModel Of(HonourPreset preset) => new(preset,
        new Dictionary<string, double>(), new Dictionary<ProvisionKind, double>(), new Dictionary<Strength, double>(), new Dictionary<Bindingness, double>());

    public double P(CascadeObligation c)
    {
        var p = ByAgreement.TryGetValue(c.Agreement.Id, out var a) ? a
            : ByKind.TryGetValue(c.Kind, out var k) ? k
            : Preset.For(c.Kind);
        if (StrengthFactor.TryGetValue(c.Strength, out var sf)) p *= sf;
        if (BindingnessFactor.TryGetValue(c.Bindingness, out var bf)) p *= bf;
        return Math.Clamp(p, 0, 1);
    }
}
