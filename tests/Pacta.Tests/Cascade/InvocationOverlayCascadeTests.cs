using Pacta.Domain;
using Pacta.Evaluation;
using Pacta.Evaluation.Cascade;
using Pacta.Workspace;

namespace Pacta.Tests.Cascade;

/// <summary>
/// The overlays of the alliances that draw states into the Russia → Estonia 2025 and Austria-Hungary → Serbia 1914
/// cascades (issue 13.1), on cases worked out by hand from their clauses, and the check that every ATOP alliance on
/// those cascades' paths is read by an overlay.
/// </summary>
public sealed class InvocationOverlayCascadeTests
{
    private static readonly Lazy<PactaSession> Session = new(() => PactaSession.Open());

    private static CascadeResult Run(string attacker, string target, string date, CascadeOptions? options = null)
    {
        var s = Session.Value;
        var corpus = s.Corpus;
        var t = corpus.States.Resolve(target).State!;
        var e = new Event(TriggerKind.ArmedAttack, corpus.States.Resolve(attacker).State!, t, DateOnly.Parse(date), null, HomeLocation.Of(corpus, t));
        return s.Cascade(e, Assumptions.None, options ?? CascadeOptions.Default).Deterministic;
    }

    private static CascadeState? Of(CascadeResult r, int cow) => r.States.SingleOrDefault(s => s.State.Cow == cow && s.Role == CascadeRole.Belligerent);

    [Fact]
    public void KyrgyzstanAttacksKazakhstan_CstoIsNotInvokedBetweenMembers_RussiaJoinsByItsBilateralTreaty()
    {
        // Kyrgyzstan is a CSTO member, so csto-1992 Art. 4 is not invoked against it; it is no party to Russia's 1992
        // treaty with Kazakhstan (ATOP 4235: defence without conditions), which is.
        var r = Run("KGZ", "KAZ", "2025-06-01");

        var russia = Of(r, 365)!;
        Assert.Equal(CascadeSide.Defender, russia.Side);
        Assert.Equal("atop-4235", russia.Path[^1].Obligation.Agreement.Id);
        Assert.DoesNotContain(russia.Path, step => step.Obligation.Agreement.Id == "csto-1992");
        Assert.DoesNotContain(r.Withheld, w => w.Step.Obligation.Agreement.Id == "atop-4235");
    }

    [Fact]
    public void AfghanistanAttacksUzbekistan_RussiasPromiseIsInvoked()
    {
        // Uzbekistan's 2012 law makes only Uzbekistan's own promises conditional: Russia's promises to it stand.
        var r = Run("AFG", "UZB", "2025-06-01");

        var russia = Of(r, 365)!;
        Assert.Equal(CascadeSide.Defender, russia.Side);
        Assert.Contains(russia.Path[^1].Obligation.Agreement.Id, new[] { "atop-4245", "atop-5075" });
        Assert.DoesNotContain(r.Withheld, w => w.Obligor.Cow == 365 && w.Step.Obligation.Agreement.Id is "atop-4245" or "atop-5075");
    }

    [Fact]
    public void RussiaEstonia2025_UzbekistanIsConditionalOnItsLaw_TheOtherBilateralPartnersJoinRussia()
    {
        var r = Run("RUS", "EST", "2025-06-01");

        Assert.Null(Of(r, 704));
        var uzbekistan = r.ConditionalJoiners.Single(g => g.Key.Cow == 704);
        Assert.All(uzbekistan.Where(w => w.Step.Obligation.Agreement.Id is "atop-4245" or "atop-5075"),
            w => Assert.Contains("2012", w.Reason, StringComparison.Ordinal));
        Assert.Contains(uzbekistan, w => w.Step.Obligation.Agreement.Id is "atop-4245" or "atop-5075");
        foreach (var (cow, atop) in new[] { (705, "atop-4235"), (703, "atop-4255"), (702, "atop-4470"), (370, "atop-4865") })
        {
            var s = Of(r, cow)!;
            Assert.Equal(CascadeSide.Attacker, s.Side);
            Assert.Equal(atop, s.Path[^1].Obligation.Agreement.Id);
        }
    }

    [Fact]
    public void AustriaHungarySerbia1914_MontenegroJoins_RomaniaAndGermanyAreConditionalOnProvocation_GreeceOnTheTreatysScope()
    {
        var r = Run("300", "345", "1914-07-28");

        var montenegro = Of(r, 341)!;
        Assert.Equal(CascadeSide.Defender, montenegro.Side);
        Assert.Equal("atop-1480", montenegro.Path[^1].Obligation.Agreement.Id);
        var austroRomanian = r.Withheld.Where(w => w.Step.Obligation.Agreement.Id == "atop-1355").ToList();
        Assert.Contains(austroRomanian, w => w.Obligor.Cow == 360);
        Assert.Contains(austroRomanian, w => w.Obligor.Cow == 255);
        Assert.All(austroRomanian, w =>
        {
            Assert.Equal(InvocationVerdict.Conditional, w.Verdict);
            Assert.Contains("without any provocation", w.Reason, StringComparison.Ordinal);
        });
        Assert.Null(Of(r, 360));
        Assert.Contains(r.Withheld, w => w.Obligor.Cow == 350 && w.Step.Obligation.Agreement.Id == "atop-1490"
            && w.Verdict == InvocationVerdict.Conditional && w.Reason.Contains("Bulgaria", StringComparison.Ordinal));
    }

    [Fact]
    public void SerbiaAttacksBulgaria1913_MontenegrosOffencePromiseKeepsAtopsNamedAdversaries()
    {
        // The 1480 overlay reads the defence promise only (kinds: defense); the offence promise answers the adversaries
        // ATOP names (the Ottoman Empire, Austria-Hungary), so Serbia's war with Bulgaria does not invoke it.
        var r = Run("345", "355", "1913-06-30");

        Assert.Null(Of(r, 341));
        Assert.Contains(r.Withheld, w => w.Obligor.Cow == 341 && w.Step.Obligation.Agreement.Id == "atop-1480"
            && w.Step.Obligation.Kind == ProvisionKind.Offense && w.Verdict == InvocationVerdict.NotInvoked && w.Reason.Contains("STATTHR", StringComparison.Ordinal));
    }

    [Fact]
    public void RussiaAttacksRomania1900_AustriaHungaryIsConditional_AndJoinsWhenTheConditionIsTakenAsMet()
    {
        // Art. 2: Austria-Hungary owes Romania help if Romania is attacked without provocation; provocation is no data.
        var report = Run("365", "360", "1900-06-01");
        Assert.Contains(report.ConditionalJoiners, g => g.Key.Cow == 300);
        Assert.Null(Of(report, 300));

        var propagate = Run("365", "360", "1900-06-01", new CascadeOptions { Conditional = ConditionalObligations.Propagate });
        Assert.Equal(CascadeSide.Defender, Of(propagate, 300)!.Side);
    }

    /// <summary>Every ATOP alliance (by its own id or a hand-encoded file's same-as) on any joiner's path or conditional promise.</summary>
    public static TheoryData<string, string, string> Cascades => new()
    {
        { "RUS", "EST", "2025-06-01" },
        { "300", "345", "1914-07-28" },
    };

    [Theory]
    [MemberData(nameof(Cascades))]
    public void EveryAtopAllianceThatDrawsAStateIn_HasAnOverlay(string attacker, string target, string date)
    {
        var r = Run(attacker, target, date);
        var rules = Session.Value.Invocation;

        var steps = r.Belligerents.Where(s => !s.Initial).SelectMany(s => s.Path)
            .Concat(r.Withheld.Where(w => w.Verdict == InvocationVerdict.Conditional).Select(w => w.Step));
        // An overlay reads an ATOP alliance by its id, or through the hand-encoded file that declares same-as it.
        var atop = new SortedDictionary<string, bool>(StringComparer.Ordinal);
        foreach (var a in steps.Select(s => s.Obligation.Agreement).Distinct())
        {
            var sameAs = a.Related.Where(x => x.Relation == Relation.SameAs && x.Agreement.StartsWith("atop-", StringComparison.Ordinal)).Select(x => x.Agreement).ToList();
            if (a.Origin != AgreementOrigin.Atop && sameAs.Count == 0) continue;
            var read = rules.Overlays.ContainsKey(a.Id) || sameAs.Any(rules.Overlays.ContainsKey);
            foreach (var id in sameAs.Append(a.Id).Where(id => id.StartsWith("atop-", StringComparison.Ordinal)))
                atop[id] = atop.GetValueOrDefault(id) || read;
        }

        Assert.NotEmpty(atop);
        var missing = atop.Where(kv => !kv.Value).Select(kv => kv.Key).ToList();
        Assert.True(missing.Count == 0, $"ATOP alliances on the paths without an overlay: {string.Join(", ", missing)} (of {string.Join(", ", atop.Keys)})");
    }
}
