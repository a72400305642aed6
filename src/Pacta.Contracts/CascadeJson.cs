using System.Text.Json.Nodes;
using Pacta.Domain;
using Pacta.Evaluation;
using Pacta.Evaluation.Cascade;

namespace Pacta.Contracts;

/// <summary>The JSON of <c>pacta cascade</c> and <c>pacta exposure</c>: the same words as what-if.</summary>
public static class CascadeJson
{
    public static JsonObject Cascade(Corpus corpus, Event e, CascadeResult r, MonteCarloResult? mc) => new()
    {
        ["event"] = OutcomeJson.Event(e),
        ["assumptions"] = OutcomeJson.Assumptions(corpus, r.Assumptions),
        ["options"] = Options(r.Options),
        ["rounds"] = r.Rounds,
        ["capped"] = r.Capped,
        ["states"] = new JsonArray(r.States.Select(s => (JsonNode)State(s)).ToArray()),
        ["breached"] = new JsonArray(r.Breached.Select(b => (JsonNode)new JsonObject
        {
            ["agreement"] = b.Agreement.Id,
            ["provision"] = b.Provision.Citation,
            ["obligor"] = JsonShapes.State(b.Obligor),
            ["beneficiary"] = JsonShapes.State(b.Beneficiary),
        }).ToArray()),
        ["conditional_joiners"] = new JsonArray(r.ConditionalJoiners.Select(g => (JsonNode)new JsonObject
        {
            ["state"] = JsonShapes.State(g.Key),
            ["side"] = Side(g.First().Side),
            ["obligations"] = new JsonArray(g.Select(w => (JsonNode)Withheld(w)).ToArray()),
        }).ToArray()),
        // Invoked promises to consult owed by states that took no role: talks, not support.
        ["consulting"] = new JsonArray(r.Consulting.GroupBy(x => x.Obligor).Select(g => (JsonNode)new JsonObject
        {
            ["state"] = JsonShapes.State(g.Key),
            ["side"] = Side(g.First().Side),
            ["obligations"] = new JsonArray(g.Select(x => { var o = Step(x.Step); o["side"] = Side(x.Side); return (JsonNode)o; }).ToArray()),
        }).ToArray()),
        ["not_invoked"] = new JsonArray(r.Withheld.Where(w => w.Verdict == InvocationVerdict.NotInvoked).Select(w => (JsonNode)Withheld(w)).ToArray()),
        ["monte_carlo"] = mc is null ? null : MonteCarlo(mc),
    };

    /// <summary>A promise the cascade's events triggered without invoking it (or only conditionally): the step and why.</summary>
    public static JsonObject Withheld(WithheldObligation w)
    {
        var o = Step(w.Step);
        o["side"] = Side(w.Side);
        o["verdict"] = Words.Of(w.Verdict);
        o["reason"] = w.Reason;
        return o;
    }

    public static JsonObject Options(CascadeOptions o)
    {
        var obj = new JsonObject();
        foreach (var (name, value, meaning) in o.Describe()) obj[name] = new JsonObject { ["value"] = value, ["meaning"] = meaning };
        return obj;
    }

    public static JsonObject State(CascadeState s) => new()
    {
        ["state"] = JsonShapes.State(s.State),
        ["role"] = Words.Of(s.Role),
        ["side"] = Side(s.Side),
        ["round"] = s.Round,
        ["initial"] = s.Initial,
        ["path"] = new JsonArray(s.Path.Select(p => (JsonNode)Step(p)).ToArray()),
        ["kept_out_by"] = s.KeptOutBy is null ? null : Obligation(s.KeptOutBy),
        ["cross_pressured"] = s.CrossPressured,
        ["breached"] = new JsonArray(s.Breached.Select(b => (JsonNode)Obligation(b)).ToArray()),
    };

    public static string? Side(CascadeSide s) => s switch
    {
        CascadeSide.Attacker => "attacker",
        CascadeSide.Defender => "defender",
        _ => null,
    };

    public static JsonObject Step(PathStep p)
    {
        var o = Obligation(p.Obligation);
        o["round"] = p.Round;
        o["event"] = new JsonObject
        {
            ["kind"] = Words.Of(p.EventKind),
            ["attacker"] = JsonShapes.State(p.Attacker),
            ["target"] = JsonShapes.State(p.Target),
            ["location"] = p.Location,
        };
        return o;
    }

    public static JsonObject Obligation(CascadeObligation c) => new()
    {
        ["agreement"] = c.Agreement.Id,
        ["provision"] = c.Provision.Citation,
        ["provision_id"] = c.Provision.Id,
        ["kind"] = Words.Of(c.Kind),
        ["obligor"] = JsonShapes.State(c.Obligor),
        ["beneficiary"] = JsonShapes.State(c.Beneficiary),
        ["strength"] = Words.Of(c.Strength),
        ["bindingness"] = Words.Of(c.Bindingness),
        ["conditional"] = c.Conditional,
        ["hypothetical"] = c.Hypothetical,
        ["effect"] = Words.Of(c.Effect),
        ["escapes"] = new JsonArray(c.Escapes.Select(x => (JsonNode)new JsonObject { ["kind"] = Words.Of(x.Kind), ["text"] = x.Text }).ToArray()),
    };

    public static JsonObject Estimate(Estimate e) => new() { ["p"] = e.P, ["low"] = e.Low, ["high"] = e.High };

    public static JsonObject MonteCarlo(MonteCarloResult m) => new()
    {
        ["trials"] = m.Trials,
        ["seed"] = m.Seed,
        // The model that set the probabilities: a preset (with its overrides), or fitted coefficients (preset null).
        ["join_model"] = new JsonObject
        {
            ["id"] = m.JoinModel,
            ["coefficients"] = m.Coefficients is { } f
                ? new JsonObject { ["file"] = f.File, ["sha256"] = f.Sha256, ["fitted_on"] = f.FittedOn, ["wars"] = f.Wars }
                : null,
        },
        ["preset"] = m.UsesPreset ? new JsonObject { ["id"] = m.Model.Preset.Id, ["finding"] = m.Model.Preset.Finding, ["citation"] = m.Model.Preset.Citation } : null,
        ["overrides"] = new JsonObject
        {
            ["agreements"] = new JsonObject(m.Model.ByAgreement.Select(x => KeyValuePair.Create(x.Key, (JsonNode?)x.Value))),
            ["kinds"] = new JsonObject(m.Model.ByKind.Select(x => KeyValuePair.Create(Words.Of(x.Key), (JsonNode?)x.Value))),
            ["strength_factors"] = new JsonObject(m.Model.StrengthFactor.Select(x => KeyValuePair.Create(Words.Of(x.Key), (JsonNode?)x.Value))),
            ["bindingness_factors"] = new JsonObject(m.Model.BindingnessFactor.Select(x => KeyValuePair.Create(Words.Of(x.Key), (JsonNode?)x.Value))),
        },
        ["states"] = new JsonArray(m.States.Select(s => (JsonNode)new JsonObject
        {
            ["state"] = JsonShapes.State(s.State),
            ["drawn_in"] = Estimate(s.DrawnIn),
            ["attacker_side"] = Estimate(s.AttackerSide),
            ["defender_side"] = Estimate(s.DefenderSide),
            ["supporter"] = Estimate(s.Supporter),
        }).ToArray()),
        ["pairs_at_war"] = new JsonArray(m.Pairs.Select(p => (JsonNode)new JsonObject
        {
            ["first"] = JsonShapes.State(p.First),
            ["second"] = JsonShapes.State(p.Second),
            ["at_war"] = Estimate(p.AtWar),
        }).ToArray()),
        ["any_major_power_drawn_in"] = Estimate(m.AnyMajorDrawnIn),
        ["war_size"] = new JsonObject
        {
            ["mean"] = new JsonObject { ["value"] = m.MeanSize.Mean, ["low"] = m.MeanSize.Low, ["high"] = m.MeanSize.High },
            ["distribution"] = new JsonArray(m.SizeDistribution.Select((e, k) => (JsonNode)new JsonObject
            {
                ["belligerents"] = k,
                ["p"] = e.P,
                ["low"] = e.Low,
                ["high"] = e.High,
            }).Where((_, k) => m.SizeDistribution[k].Hits > 0).ToArray()),
        },
    };

    public static JsonObject Exposure(ExposureMatrix m, IReadOnlySet<int> majors) => new()
    {
        ["date"] = m.Day.ToString("yyyy-MM-dd"),
        ["options"] = Options(m.Options),
        ["major_powers"] = new JsonArray(m.States.Where(s => majors.Contains(s.Cow)).Select(s => (JsonNode)JsonShapes.State(s)).ToArray()),
        ["pairs"] = new JsonArray(Cells(m).Select(c => (JsonNode)new JsonObject
        {
            ["attacker"] = JsonShapes.State(c.Attacker),
            ["target"] = JsonShapes.State(c.Target),
            ["belligerents"] = c.Belligerents,
            ["attacker_side"] = c.AttackerSide,
            ["defender_side"] = c.DefenderSide,
            ["supporters"] = c.Supporters,
            ["rounds"] = c.Rounds,
            ["major_powers"] = new JsonArray(c.Majors.Select(x => (JsonNode)JsonValue.Create(x)).ToArray()),
        }).ToArray()),
    };

    public static IEnumerable<ExposureCell> Cells(ExposureMatrix m)
    {
        for (var a = 0; a < m.States.Count; a++)
            for (var t = 0; t < m.States.Count; t++)
                if (m.Cells[a, t] is { } c) yield return c;
    }
}
