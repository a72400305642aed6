using System.CommandLine;
using System.Globalization;
using Pacta.Domain;
using Pacta.Evaluation.Cascade;

namespace Pacta.Cli.Commands;

/// <summary>The cascade's open assumptions as options, shared by cascade, exposure and validate.</summary>
public sealed class CascadeOptionSet
{
    public Option<string> JoinerAttacks { get; } = new("--joiner-attacks")
    {
        Description = "Whom a joiner attacks: counter-attack (default: the attacker whose attack drew it in), all-enemies, none",
        DefaultValueFactory = _ => "counter-attack",
    };
    public Option<string> Clashes { get; } = new("--clashes", "--conflicts")
    {
        Description = "When an obligation to fight clashes with a neutrality/non-aggression obligation (alias --conflicts): fight-prevails (default; the other is reported broken) or peace-prevails",
        DefaultValueFactory = _ => "fight-prevails",
    };
    public Option<string> Conditional { get; } = new("--conditional")
    {
        Description = "Promises to fight whose invocation hangs on a condition the facts cannot decide: report (default: listed as conditional joiners, not propagated), support (supporter only; escape clauses too) or propagate (taken as met)",
        DefaultValueFactory = _ => "report",
    };
    public Option<string> CarveOut { get; } = new("--carve-out")
    {
        Description = "A state under a neutrality carve-out (TEU Art. 42(7)): support (default: at most a supporter) or fight",
        DefaultValueFactory = _ => "support",
    };
    public Option<string> Discretionary { get; } = new("--discretionary")
    {
        Description = "A discretionary defence promise (as it deems necessary): fight (default) or support",
        DefaultValueFactory = _ => "fight",
    };
    public Option<string> PeaceProtectsAggressor { get; } = new("--peace-protects-aggressor")
    {
        Description = "Whether neutrality/non-aggression promises towards the initial attacker keep states out: no (default) or yes",
        DefaultValueFactory = _ => "no",
    };
    public Option<string> JoinModel { get; } = new("--join-model")
    {
        Description = "Monte Carlo decisions: per-obligation (default: each obligation drawn on its own) per-state (one draw per state and side, unfitted) or fitted (per state and side, with the fitted joining model's probabilities)",
        DefaultValueFactory = _ => "per-obligation",
    };
    public Option<int> MaxRounds { get; } = CommonOptions.Number("--max-rounds", "Upper bound on rounds (default 64)", 64, 1, int.MaxValue);

    public void AddTo(Command cmd)
    {
        foreach (var o in new Option[] { JoinerAttacks, Clashes, Conditional, CarveOut, Discretionary, PeaceProtectsAggressor, JoinModel, MaxRounds }) cmd.Options.Add(o);
    }

    public CascadeOptions Read(ParseResult r)
    {
        if (r.GetValue(MaxRounds) < 1) throw new PactaException("--max-rounds: must be at least 1");
        return new CascadeOptions
        {
            JoinerAttacks = Parse<JoinerAttacks>(r.GetValue(JoinerAttacks), "--joiner-attacks"),
            Clashes = Parse<ObligationClash>(r.GetValue(Clashes), "--clashes"),
            Conditional = Parse<ConditionalObligations>(r.GetValue(Conditional), "--conditional"),
            CarveOutFights = r.GetValue(CarveOut) switch
            {
                "support" => false,
                "fight" => true,
                var x => throw new PactaException($"--carve-out: '{x}' must be support or fight"),
            },
            DiscretionaryFights = r.GetValue(Discretionary) switch
            {
                "fight" => true,
                "support" => false,
                var x => throw new PactaException($"--discretionary: '{x}' must be fight or support"),
            },
            PeaceProtectsAggressor = r.GetValue(PeaceProtectsAggressor) switch
            {
                "no" => false,
                "yes" => true,
                var x => throw new PactaException($"--peace-protects-aggressor: '{x}' must be no or yes"),
            },
            JoinModel = Parse<Pacta.Evaluation.Cascade.JoinModel>(r.GetValue(JoinModel), "--join-model"),
            MaxRounds = r.GetValue(MaxRounds),
        };
    }

    private static T Parse<T>(string? word, string option) where T : struct, Enum =>
        Words.TryParse<T>(word, out var v) ? v : throw new PactaException($"{option}: '{word}' must be one of {string.Join(", ", Words.All<T>())}");

    /// <summary>Parses a probability in [0, 1] ("0.41" or "41%").</summary>
    public static double Probability(string text, string option)
    {
        var t = text.Trim();
        var percent = t.EndsWith('%');
        if (!double.TryParse(percent ? t[..^1] : t, NumberStyles.Float, CultureInfo.InvariantCulture, out var p))
            throw new PactaException($"{option}: '{text}' is not a probability");
        if (percent) p /= 100;
        if (p is < 0 or > 1 || double.IsNaN(p)) throw new PactaException($"{option}: '{text}' must lie between 0 and 1");
        return p;
    }
}
