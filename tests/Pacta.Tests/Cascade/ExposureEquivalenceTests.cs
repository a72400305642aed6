using Pacta.Domain;
using Pacta.Evaluation;
using Pacta.Evaluation.Cascade;

namespace Pacta.Tests.Cascade;

/// <summary>
/// The exposure matrix evaluates each victim once for all attackers (<see cref="AttackTable"/>). These tests hold it
/// to the Evaluator (what every "X attacks V" triggers) and to the cascade run one pair at a time on a graph that
/// evaluates every attack (the implementation the table replaced), on real days of the bundled corpus.
/// </summary>
public sealed class ExposureEquivalenceTests
{
    private static readonly HashSet<int> Majors = [2, 200, 220, 255, 365, 710, 740];

    public static TheoryData<string, string> Days => new()
    {
        { "2025-06-01", "none" },
        { "1914-08-01", "none" },
        { "2025-06-01", "ukraine" },
        { "2027-03-01", "ceasefire" },
    };

    private static Assumptions AssumptionsFor(string name) => name switch
    {
        // Ukraine in NATO, and the Kyiv Security Compact (a proposal) adopted.
        "ukraine" => new Assumptions([], [new AssumedAdoption("kyiv-security-compact-2022", null)], [new AssumedMembership(369, "nato", null)]),
        // The 2024 Ukraine agreements answer an attack by Russia after the current hostilities.
        "ceasefire" => new Assumptions([new AssumedCeasefire(null, new DateOnly(2026, 1, 1))], [], []),
        _ => Assumptions.None,
    };

    private static (string Agreement, string Provision, int Line, int Column, int Obligor, int Beneficiary) Key(TriggeredObligation t) =>
        (t.Agreement.Id, t.Provision.Id, t.Obligation.Position.Line, t.Obligation.Position.Column, t.Obligor.Cow, t.Beneficiary.Cow);

    [Theory]
    [MemberData(nameof(Days))]
    public void AttackTable_TriggeredObligations_EqualTheFullEvaluators(string date, string assumed)
    {
        var corpus = CascadeCorpus.Corpus;
        var day = DateOnly.Parse(date);
        var assumptions = AssumptionsFor(assumed);
        var g = new CascadeGraph(new CascadeSource(corpus, day, assumptions), CascadeOptions.Default);
        var table = AttackTable.Build(g);
        var full = new Evaluator(corpus);
        var system = corpus.States.All.Where(s => s.IsSystemMemberOn(day)).ToList();
        // A sample of victims on 2025 (the full Evaluator is slow), every one in 1914; the states the scenarios name always.
        var named = new[] { 2, 365, 366, 369, 200, 220, 255, 710, 640, 750 };
        var victims = system.Where((s, i) => system.Count < 80 || i % 4 == 0 || named.Contains(s.Cow)).ToList();
        var rng = new Random(17);
        int compared = 0, triggering = 0, byNamedAttacker = 0, narrowed = 0, widened = 0;
        foreach (var v in victims)
        {
            var agreements = corpus.Agreements.Where(a => (a.InForceOn(day) || assumptions.Adopted.Any(x => x.Agreement == a.Id))
                && (corpus.EverParties(a).Contains(v.Cow) || assumptions.Members.Any(m => m.State == v.Cow && (m.Of == a.Id || a.Parties.Any(p => p.Organization == m.Of))))).ToList();
            var partners = agreements.SelectMany(a => corpus.PartiesOn(a, day).Select(p => p.State)).Where(x => x != v.Cow).Distinct().ToList();
            // Attackers a trigger names (Russia for the 2024 Ukraine agreements, each member of an ATOP non-aggression promise).
            var namedBy = agreements.SelectMany(a => a.Provisions).Where(p => p.Trigger?.Attacker.Kind == SelectorKind.States).ToList();
            var nameds = namedBy.SelectMany(p => p.Trigger!.Attacker.States).Where(x => x != v.Cow).Distinct()
                // Those a trigger names with someone else to oblige first (Russia), then the ATOP non-aggression members.
                .OrderBy(x => namedBy.Any(p => p.Trigger!.Attacker.States.Contains(x) && p.Obligations.Any(o => !o.Obligor.States.SequenceEqual([x]))) ? 0 : 1)
                .ThenBy(x => x).ToList();
            var outsider = system.Select(s => s.Cow).FirstOrDefault(x => x != v.Cow && !partners.Contains(x) && !nameds.Contains(x));
            var attackers = nameds.Take(4)
                .Concat(partners.OrderBy(_ => rng.Next()).Take(3))
                .Concat(system.Select(s => s.Cow).Where(x => x != v.Cow).OrderBy(_ => rng.Next()).Take(1))
                .Append(outsider)
                .Where(x => x != 0 && corpus.States.ByCow(x) is not null && g.States.Any(s => s.Cow == x))
                .Distinct().ToList();
            foreach (var kind in AttackTable.Kinds)
            {
                var open = outsider != 0 ? table.Triggered(kind, g.IndexOf(outsider), g.IndexOf(v.Cow)).Count : -1;
                foreach (var x in attackers)
                {
                    var e = new Event(kind, corpus.States.ByCow(x)!, v, day, null, HomeLocation.Of(corpus, v));
                    // The cascade leaves out obligations owed by an organization (never a belligerent).
                    var expected = full.Evaluate(e, assumptions).Triggered.Where(t => t.ObligorOrganization is null).Select(Key).Distinct().ToList();
                    var actual = table.Triggered(kind, g.IndexOf(x), g.IndexOf(v.Cow)).Select(c => Key(c.Triggered!)).ToList();
                    Assert.True(expected.SequenceEqual(actual),
                        $"{kind} {x} -> {v.Code} on {date}: expected {expected.Count} [{string.Join("; ", expected.Except(actual).Take(3))}], table {actual.Count} [{string.Join("; ", actual.Except(expected).Take(3))}]");
                    compared++;
                    if (expected.Count > 0) triggering++;
                    if (nameds.Contains(x)) byNamedAttacker++;
                    if (partners.Contains(x) && actual.Count < open) narrowed++;
                    if (nameds.Contains(x) && actual.Count > open) widened++;
                }
            }
        }
        // The comparisons must cover the cases that depend on the attacker, or they prove little.
        Assert.True(compared > 150, $"{compared} events compared");
        Assert.True(triggering > compared / 4, $"only {triggering} of {compared} events trigger anything");
        Assert.True(narrowed > 10, $"only {narrowed} events where the attacker's own obligations or party status narrowed the list");
        if (day.Year > 2000) Assert.True(byNamedAttacker > 10, $"only {byNamedAttacker} events with an attacker a trigger names");
        if (assumed == "ceasefire") Assert.True(widened > 0, "no event where a named attacker triggers more than an outsider");
    }

    [Fact]
    public void AttackTable_RussiaAttacksUkraineAfterCeasefire_NamedAttackerTriggersThe2024AgreementsOthersDoNot()
    {
        var corpus = CascadeCorpus.Corpus;
        var day = new DateOnly(2027, 3, 1);
        var g = new CascadeGraph(new CascadeSource(corpus, day, AssumptionsFor("ceasefire")), CascadeOptions.Default);
        var table = AttackTable.Build(g);

        var byRussia = table.Triggered(TriggerKind.ArmedAttack, g.IndexOf(365), g.IndexOf(369));
        var byBelarus = table.Triggered(TriggerKind.ArmedAttack, g.IndexOf(370), g.IndexOf(369));

        Assert.Contains(byRussia, c => c.Agreement.Id == "deu-ukr-2024" && c.Obligor.Cow == 255);
        Assert.DoesNotContain(byBelarus, c => c.Agreement.Id == "deu-ukr-2024");
    }

    [Fact]
    public void AttackTable_AttackerOwesNothingAgainstItself()
    {
        var corpus = CascadeCorpus.Corpus;
        var day = new DateOnly(2025, 6, 1);
        var g = new CascadeGraph(new CascadeSource(corpus, day, Assumptions.None), CascadeOptions.Default);
        var table = AttackTable.Build(g);

        var byRussia = table.Triggered(TriggerKind.ArmedAttack, g.IndexOf(365), g.IndexOf(20));
        var byUsa = table.Triggered(TriggerKind.ArmedAttack, g.IndexOf(2), g.IndexOf(20));

        // NATO Art. 5 for Canada: the United States owes it when Russia attacks, not when it attacks itself.
        Assert.Contains(byRussia, c => c.Agreement.Id == "north-atlantic-treaty-1949" && c.Obligor.Cow == 2);
        Assert.DoesNotContain(byUsa, c => c.Obligor.Cow == 2);
        Assert.Contains(byUsa, c => c.Agreement.Id == "north-atlantic-treaty-1949" && c.Obligor.Cow == 200);
    }

    public static TheoryData<string, string, string, int> Matrices => new()
    {
        // Day, assumptions, options, how many system members to compare (0: all).
        { "1914-08-01", "none", "default", 0 },
        { "1914-08-01", "none", "all-enemies", 0 },
        { "1914-08-01", "none", "peace-prevails", 0 },
        { "2025-06-01", "none", "default", 9 },
        { "2025-06-01", "ukraine", "default", 7 },
        { "2025-06-01", "none", "no-joiner-attacks", 7 },
        { "2027-03-01", "ceasefire", "default", 6 },
    };

    private static CascadeOptions OptionsFor(string name) => name switch
    {
        "all-enemies" => new CascadeOptions { JoinerAttacks = JoinerAttacks.AllEnemies },
        "no-joiner-attacks" => new CascadeOptions { JoinerAttacks = JoinerAttacks.None },
        "peace-prevails" => new CascadeOptions { Clashes = ObligationClash.PeacePrevails, Conditional = ConditionalObligations.Support },
        _ => CascadeOptions.Default,
    };

    [Theory]
    [MemberData(nameof(Matrices))]
    public void ExposureMatrix_EqualsTheCascadeOfEachPairEvaluatingEveryAttack(string date, string assumed, string options, int sample)
    {
        var corpus = CascadeCorpus.Corpus;
        var day = DateOnly.Parse(date);
        var assumptions = AssumptionsFor(assumed);
        var opts = OptionsFor(options);
        var m = Exposure.Compute(corpus, day, assumptions, opts, Majors);

        // The reference: one graph without a table, so every attack is evaluated by the Evaluator when first met.
        var reference = new CascadeGraph(new CascadeSource(corpus, day, assumptions), opts);
        var picked = new[] { 365, 369, 366, 2, 710, 200, 640, 731, 750 };
        var indexes = Enumerable.Range(0, m.States.Count)
            .Where(i => sample == 0 || picked.Take(sample).Contains(m.States[i].Cow)).ToList();
        Assert.True(sample == 0 || indexes.Count == sample);
        var compared = 0;
        var larger = 0;
        foreach (var a in indexes)
        {
            foreach (var t in indexes)
            {
                if (a == t) continue;
                var attacker = m.States[a];
                var target = m.States[t];
                var r = DeterministicCascade.Run(reference, new CascadeStart([attacker], [target], TriggerKind.ArmedAttack, null));
                var bell = r.States.Where(s => s.Role == CascadeRole.Belligerent).ToList();
                var expected = (bell.Count, bell.Count(s => s.Side == CascadeSide.Attacker), bell.Count(s => s.Side == CascadeSide.Defender),
                    r.States.Count(s => s.Role == CascadeRole.Supporter), r.Rounds,
                    string.Join(",", bell.Where(s => Majors.Contains(s.State.Cow)).Select(s => s.State.Cow).Order()));
                var c = m.Cells[a, t]!;
                var actual = (c.Belligerents, c.AttackerSide, c.DefenderSide, c.Supporters, c.Rounds, string.Join(",", c.Majors));
                Assert.True(expected == actual, $"{attacker.Code} -> {target.Code} on {date}: expected {expected}, matrix {actual}");
                compared++;
                if (expected.Item1 > 2) larger++;
            }
        }
        Assert.True(larger >= 10, $"only {larger} of {compared} pairs draw in a third state");
    }
}
