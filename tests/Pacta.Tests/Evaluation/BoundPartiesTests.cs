using Pacta.Datasets.Modern;
using Pacta.Domain;
using Pacta.Evaluation;
using Pacta.Evaluation.Cascade;
using Pacta.Tests.Support;
using Pacta.Workspace;

namespace Pacta.Tests.Evaluation;

/// <summary>
/// <see cref="BoundParties"/> on small hand-built corpora: every selector against every role and every way of being
/// or not being bound (joins, leaves, through an organization, assumed, suspended), the days an agreement is in
/// force (superseded, adopted, continued after its dataset), and the what-if, the cascade, the guarantee network and
/// the dataset rows giving one answer where they used to read <c>any-member</c> three ways.
/// </summary>
public sealed class BoundPartiesTests
{
    private const int Usa = 2, Gbr = 200, Fra = 220, Deu = 255, Ita = 325, Pol = 290, Est = 366, Lva = 367, Ltu = 368, Swe = 380, Nor = 385, Ukr = 369, Chn = 710;

    private static readonly DateOnly Day = new(2025, 6, 1);
    private static readonly DateOnly Later = new(2026, 6, 1);

    private static Party P(int cow, PartyRole role, DateOnly? from = null, DateOnly? to = null, params Suspension[] suspensions) =>
        new(cow, null, role, new DateSpan(from, to), suspensions, null, Position.None);

    private static Party Org(string id, PartyRole role, params Suspension[] suspensions) =>
        new(null, id, role, DateSpan.Always, suspensions, null, Position.None);

    private static readonly Position Here = new("test.yaml", 1, 1);

    /// <summary>A defence clause: an attack by anyone on any member obliges the other parties to the attacked one.</summary>
    private static Provision Defence() => new("art-1", "Art. 1", ProvisionKind.Defense, "defence", null, [],
        new Trigger([TriggerKind.ArmedAttack], Selector.Of("any-member"), Selector.Of("anyone"), new Scope([], [], Territory.Any, null), null, Here),
        [new Obligation(Selector.Of("other-parties"), Selector.Of("target"), "assist", Strength.Automatic, [], null, DeadlineFirmness.Hard, null, [], [], Here)],
        [], [], [], Here);

    private static Agreement A(string id, IReadOnlyList<Party> parties, DateOnly? inForce, DateOnly? ends = null, AgreementOrigin origin = AgreementOrigin.Pacta,
        IReadOnlyList<AgreementRelation>? related = null, AgreementStatus status = AgreementStatus.InForce) =>
        new(id, id, AgreementForm.Treaty, status, Bindingness.Legal, null,
            new AgreementDates(inForce, inForce, ends, null, null, null, null), parties, [], [Defence()], [], [], origin, Here)
        { Related = related ?? [] };

    private static Corpus CorpusOf(IEnumerable<Agreement> agreements, params Organization[] organizations) =>
        new(agreements, organizations, [], TestCorpus.States, TestCorpus.Locations);

    private static readonly Lazy<Corpus> Cast = new(() =>
    {
        // The club (an organization party, role guarantor) has Estonia, Latvia from 2026 and Lithuania until 2020;
        // its entry suspends its obligations towards France. Norway's are suspended towards the United States.
        var club = new Organization("club", "Club", [
            new OrganizationMember(Est, new DateSpan(new DateOnly(2000, 1, 1), null), null, Here),
            new OrganizationMember(Lva, new DateSpan(new DateOnly(2026, 1, 1), null), null, Here),
            new OrganizationMember(Ltu, new DateSpan(new DateOnly(2000, 1, 1), new DateOnly(2020, 12, 31)), null, Here)], [], Here);
        var pact = A("pact", [
            P(Usa, PartyRole.Member),
            P(Gbr, PartyRole.Guarantor),
            P(Ukr, PartyRole.Beneficiary),
            P(Fra, PartyRole.Signatory),
            P(Deu, PartyRole.Member, from: new DateOnly(2026, 1, 1)),
            P(Ita, PartyRole.Member, to: new DateOnly(2024, 12, 31)),
            P(Nor, PartyRole.Member, null, null, new Suspension(DateSpan.Always, [Usa], "dispute")),
            Org("club", PartyRole.Guarantor, new Suspension(DateSpan.Always, [Fra], "club dispute"))], new DateOnly(1990, 1, 1));
        return CorpusOf([pact], club);
    });

    private static readonly Assumptions Assumed = new([], [],
        [new AssumedMembership(Pol, "pact", null), new AssumedMembership(Swe, "club", null), new AssumedMembership(Chn, "pact", new DateOnly(2026, 1, 1))]);

    private static readonly string[] Selectors = ["any-member", "other-parties", "role:member", "role:guarantor", "role:beneficiary", "role:signatory", "named"];

    private static Selector Sel(string name, int cow) => name switch
    {
        "named" => Selector.ForStates(cow),
        _ when name.StartsWith("role:", StringComparison.Ordinal) => new Selector(SelectorKind.Role, [], Enum.Parse<PartyRole>(name[5..], ignoreCase: true)),
        _ => Selector.Of(name),
    };

    /// <summary>
    /// Hand-worked: for each state and day, the selectors that protect it as a target, the selectors that name it
    /// as an obligor (named states only while parties), and whether an attack by it counts as one by a non-party.
    /// </summary>
    public static TheoryData<string, int, string, string, string, bool> Table => new()
    {
        // case, state, day, protected by, obliged by, non-party
        { "member", Usa, "now", "any-member other-parties role:member named", "any-member other-parties role:member named", false },
        { "guarantor", Gbr, "now", "any-member other-parties role:guarantor named", "any-member other-parties role:guarantor named", false },
        { "beneficiary", Ukr, "now", "any-member role:beneficiary named", "any-member role:beneficiary named", false },
        { "signatory", Fra, "now", "role:signatory named", "role:signatory named", false },
        { "non-party", Chn, "now", "named", "", true },
        { "member who joins later, before", Deu, "now", "named", "", true },
        { "member who joins later, after", Deu, "later", "any-member other-parties role:member named", "any-member other-parties role:member named", false },
        { "member who left", Ita, "now", "named", "", true },
        { "suspended member", Nor, "now", "any-member other-parties role:member named", "any-member other-parties role:member named", false },
        { "assumed member", Pol, "now", "any-member other-parties role:member named", "any-member other-parties role:member named", false },
        { "assumed member from a later day, before", Chn, "now", "named", "", true },
        { "assumed member from a later day, after", Chn, "later", "any-member other-parties role:member named", "any-member other-parties role:member named", false },
        { "member of a party organization", Est, "now", "any-member other-parties role:guarantor named", "any-member other-parties role:guarantor named", false },
        { "joins the organization later, before", Lva, "now", "named", "", true },
        { "joins the organization later, after", Lva, "later", "any-member other-parties role:guarantor named", "any-member other-parties role:guarantor named", false },
        { "left the organization", Ltu, "now", "named", "", true },
        { "assumed member of the organization (the organization's role)", Swe, "now", "any-member other-parties role:guarantor named", "any-member other-parties role:guarantor named", false },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Selectors_roles_and_spells(string name, int cow, string day, string protectedBy, string obligedBy, bool nonParty)
    {
        var on = Cast.Value.Bound.On(Cast.Value.Agreement("pact")!, day == "later" ? Later : Day, Assumed);
        Assert.True(on.InForce, name);
        var protects = Selectors.Where(s => on.Protects(Sel(s, cow), cow) == true);
        var covers = Selectors.Where(s => on.Covers(Sel(s, cow), cow));
        Assert.Equal(protectedBy, string.Join(' ', protects));
        Assert.Equal(obligedBy, string.Join(' ', covers));
        Assert.Equal(nonParty, on.Admits(Selector.Of("non-party"), cow));
        Assert.True(on.Admits(Selector.Of("anyone"), cow));
        // The obligor lists agree with the obligor test, and leave out the target.
        var list = new List<(int State, PartyRole Role)>();
        foreach (var s in Selectors.Where(s => s != "named"))
        {
            on.Obligors(Sel(s, cow), null, list);
            Assert.Equal(on.Covers(Sel(s, cow), cow), list.Any(x => x.State == cow));
            on.Obligors(Sel(s, cow), cow, list);
            Assert.DoesNotContain(list, x => x.State == cow);
        }
    }

    [Fact]
    public void Suspensions_hold_both_ways_for_direct_and_organization_parties()
    {
        var on = Cast.Value.Bound.On(Cast.Value.Agreement("pact")!, Day, Assumed);
        Assert.Equal("dispute", on.Suspension(Nor, Usa)?.Note);
        Assert.Equal("dispute", on.Suspension(Usa, Nor)?.Note);
        Assert.Null(on.Suspension(Nor, Gbr));
        // The club's entry suspends what each of its members owes France, and what France owes them.
        Assert.Equal("club dispute", on.Suspension(Est, Fra)?.Note);
        Assert.Equal("club dispute", on.Suspension(Fra, Est)?.Note);
        Assert.Null(on.Suspension(Est, Usa));
    }

    [Fact]
    public void In_force_by_dates_adoption_supersession_and_dataset_continuation()
    {
        var old = A("atop-1", [P(Usa, PartyRole.Member), P(Gbr, PartyRole.Member)], new DateOnly(2000, 1, 1), origin: AgreementOrigin.Atop);
        // Another imported alliance whose last date is in 2018: the dataset's last year, read from the data.
        var closed = A("atop-2", [P(Fra, PartyRole.Member, to: new DateOnly(2018, 3, 1)), P(Deu, PartyRole.Member)], new DateOnly(1990, 1, 1), new DateOnly(2018, 3, 1), origin: AgreementOrigin.Atop);
        var successor = A("new", [P(Usa, PartyRole.Member), P(Gbr, PartyRole.Member)], new DateOnly(2010, 1, 1),
            related: [new AgreementRelation("atop-1", Relation.Supersedes, Here)]);
        var plain = A("plain", [P(Usa, PartyRole.Member), P(Ita, PartyRole.Member)], new DateOnly(2000, 1, 1), new DateOnly(2020, 12, 31));
        var later = A("later", [P(Usa, PartyRole.Member), P(Ita, PartyRole.Member)], new DateOnly(2030, 1, 1));
        var proposal = A("proposal", [P(Usa, PartyRole.Member), P(Pol, PartyRole.Member)], null, status: AgreementStatus.Proposal,
            related: [new AgreementRelation("plain", Relation.Supersedes, Here)]);
        var c = CorpusOf([old, closed, successor, plain, later, proposal]);
        var b = c.Bound;
        Assert.Equal(new DateOnly(2018, 12, 31), b.CoverageEnd(AgreementOrigin.Atop));
        Assert.Null(b.CoverageEnd(AgreementOrigin.Pacta));

        // Inside the dataset's years its own record stands, though the successor is in force since 2010.
        Assert.Equal(Force.InForce, b.On(old, new DateOnly(2015, 1, 1), Assumptions.None).Force);
        var superseded = b.On(old, new DateOnly(2019, 6, 1), Assumptions.None);
        Assert.Equal(Force.Superseded, superseded.Force);
        Assert.False(superseded.InForce);
        Assert.Equal("new", superseded.SupersededBy?.Id);
        Assert.Equal(new DateOnly(2019, 1, 1), superseded.SupersededFrom);
        Assert.Equal(Force.InForce, b.On(successor, new DateOnly(2019, 6, 1), Assumptions.None).Force);

        // An open imported alliance continues after the dataset's last day.
        var atop3 = A("atop-3", [P(Usa, PartyRole.Member), P(Fra, PartyRole.Member)], new DateOnly(2005, 1, 1), origin: AgreementOrigin.Atop);
        var c2 = CorpusOf([atop3, closed]);
        Assert.Equal(Force.Continued, c2.Bound.On(atop3, Day, Assumptions.None).Force);
        Assert.Equal(Force.InForce, c2.Bound.On(atop3, new DateOnly(2018, 12, 31), Assumptions.None).Force);

        Assert.Equal(Force.Ended, b.On(plain, Day, Assumptions.None).Force);
        Assert.Equal(Force.NotYet, b.On(later, Day, Assumptions.None).Force);
        Assert.Equal(Force.NeverInForce, b.On(proposal, Day, Assumptions.None).Force);

        // A proposal assumed adopted is in force (hypothetically) from its adoption, and then supersedes what it replaces.
        var adopted = new Assumptions([], [new AssumedAdoption("proposal", new DateOnly(2019, 1, 1))], []);
        var onProposal = b.On(proposal, new DateOnly(2019, 6, 1), adopted);
        Assert.Equal(Force.Adopted, onProposal.Force);
        Assert.True(onProposal.Hypothetical);
        Assert.Equal(Force.AdoptedLater, b.On(proposal, new DateOnly(2018, 6, 1), adopted).Force);
        Assert.Equal(Force.Superseded, b.On(plain, new DateOnly(2019, 6, 1), adopted).Force);
        Assert.Equal(Force.InForce, b.On(plain, new DateOnly(2019, 6, 1), Assumptions.None).Force);
    }

    /// <summary>
    /// A pact whose target is <c>any-member</c>, with a member, a guarantor, a beneficiary and a mere signatory. The
    /// what-if and the guarantee network used to protect the signatory too (any role), the datasets did not.
    /// </summary>
    private static readonly Lazy<Corpus> Mixed = new(() => CorpusOf([A("mixed", [
        P(Usa, PartyRole.Member), P(Gbr, PartyRole.Guarantor), P(Ukr, PartyRole.Beneficiary), P(Fra, PartyRole.Signatory)], new DateOnly(2000, 1, 1))]));

    [Fact]
    public void Any_member_means_member_guarantor_or_beneficiary_in_what_if_cascade_network_and_datasets()
    {
        var c = Mixed.Value;
        var states = c.States;

        // What-if: an attack by China on each party.
        var ev = new Evaluator(c);
        IEnumerable<(int, int)> WhatIf(int victim) => ev.Evaluate(
            new Event(TriggerKind.ArmedAttack, states.ByCow(Chn)!, states.ByCow(victim)!, Day, null, HomeLocation.Of(c, states.ByCow(victim)!)), Assumptions.None)
            .Triggered.Select(t => (t.Obligor.Cow, t.Beneficiary.Cow));
        var whatIf = new[] { Usa, Gbr, Ukr, Fra }.SelectMany(WhatIf).Order().ToList();

        // Cascade: the attack table every exposure and Monte Carlo run reads.
        var g = new CascadeGraph(new CascadeSource(c, Day, Assumptions.None), CascadeOptions.Default);
        var table = AttackTable.Build(g, threads: 1);
        var cascade = new[] { Usa, Gbr, Ukr, Fra }
            .SelectMany(v => table.Triggered(TriggerKind.ArmedAttack, g.IndexOf(Chn), g.IndexOf(v)).Select(x => (x.Triggered!.Obligor.Cow, x.Triggered!.Beneficiary.Cow)))
            .Order().ToList();

        // Guarantee network.
        var network = ObligationNetwork.Of(c, Day, null, null)["guarantees"]!.AsArray()
            .Select(e => ((int)e!["obligor"]!, (int)e["beneficiary"]!)).Order().ToList();

        // Dataset rows: who owes whom a defence promise.
        var spells = ModernAlliances.From(c.Agreements, c, Day, Day).Single().Members;
        var datasets = spells.SelectMany(s => spells.Where(o => o.State != s.State && s.ObligationsToward(o.State).HasFlag(Pacta.Datasets.AllianceObligations.Defense))
            .Select(o => (s.State, o.State))).Order().ToList();

        // The obligors (other-parties: members and guarantors) owe each other protected party; nobody owes France.
        var expected = new[] { (Usa, Gbr), (Usa, Ukr), (Gbr, Usa), (Gbr, Ukr) }.Order().ToList();
        Assert.Equal(expected, whatIf);
        Assert.Equal(expected, cascade);
        Assert.Equal(expected, network);
        Assert.Equal(expected, datasets);
    }

    [Fact]
    public void Comparison_does_not_call_a_pact_mutual_when_any_member_leaves_a_signatory_out()
    {
        var c = Mixed.Value;
        var only = CorpusOf([A("members", [P(Usa, PartyRole.Member), P(Gbr, PartyRole.Member)], new DateOnly(2000, 1, 1))]);
        string Reciprocity(Corpus corpus, string id) =>
            Comparer.Compare(corpus, [corpus.Agreement(id)!]).Rows.Single(r => r.Dimension == "reciprocity").Values[0].Text;
        Assert.Equal("mutual: any party attacked is protected", Reciprocity(only, "members"));
        Assert.Equal("partly reciprocal: USA, GBR, UKR protected", Reciprocity(c, "mixed"));
    }

    [Fact]
    public void Attack_on_a_signatory_is_explained_by_its_role()
    {
        var c = Mixed.Value;
        var fra = c.States.ByCow(Fra)!;
        var outcome = new Evaluator(c).Evaluate(new Event(TriggerKind.ArmedAttack, c.States.ByCow(Chn)!, fra, Day, null, HomeLocation.Of(c, fra)), Assumptions.None);
        Assert.Empty(outcome.Triggered);
        var reason = Assert.Single(outcome.NotTriggered).Reason;
        Assert.Contains("France is a party on 2025-06-01 only as signatory", reason);
    }

    /// <summary>The bundled corpus with the ATOP alliances, as the CLI loads it.</summary>
    [Fact]
    public void The_2000_Russia_DPRK_treaty_is_superseded_by_the_2024_one_in_what_if_cascade_and_network()
    {
        var c = Pacta.Tests.Cascade.CascadeCorpus.Corpus;
        var (usa, prk) = (c.States.ByCow(Usa)!, c.States.ByCow(731)!);
        var e = new Event(TriggerKind.ArmedAttack, usa, prk, Day, null, HomeLocation.Of(c, prk));
        var outcome = new Evaluator(c).Evaluate(e, Assumptions.None);
        Assert.DoesNotContain(outcome.Triggered, t => t.Agreement.Id == "atop-4940");
        Assert.Contains(outcome.Triggered, t => t.Agreement.Id == "rus-prk-2024" && t.Obligor.Cow == 365);
        var reasons = outcome.NotTriggered.Where(n => n.Agreement.Id == "atop-4940").Select(n => n.Reason).Distinct().ToList();
        Assert.Equal(["not in force: atop-4940 is superseded by rus-prk-2024 from 2024-12-04"], reasons);
        // Still in force the day before its successor.
        var before = new Evaluator(c).Evaluate(e with { Date = new DateOnly(2024, 12, 3) }, Assumptions.None);
        Assert.Contains(before.Triggered, t => t.Agreement.Id == "atop-4940");

        var source = new CascadeSource(c, Day, Assumptions.None);
        Assert.DoesNotContain(source.Triggered(e), t => t.Agreement.Id == "atop-4940");
        Assert.Contains(source.Triggered(e), t => t.Agreement.Id == "rus-prk-2024");

        var network = ObligationNetwork.Of(c, Day, null, null)["guarantees"]!.AsArray()
            .SelectMany(g => g!["agreements"]!.AsArray().Select(x => (string)x!["agreement"]!)).ToHashSet();
        Assert.DoesNotContain("atop-4940", network);
        Assert.Contains("rus-prk-2024", network);
    }

    [Fact]
    public void The_guarantee_network_leaves_out_suspended_pairs_as_the_what_if_does()
    {
        var c = Pacta.Tests.Cascade.CascadeCorpus.Corpus;
        var edges = ObligationNetwork.Of(c, Day, null, AgreementOrigin.Pacta)["guarantees"]!.AsArray()
            .SelectMany(g => g!["agreements"]!.AsArray().Select(x => ((int)g["obligor"]!, (int)g["beneficiary"]!, (string)x!["agreement"]!))).ToHashSet();
        const int aus = 900, nzl = 920;
        Assert.Contains((aus, nzl, "anzus-1951"), edges);
        Assert.Contains((nzl, aus, "anzus-1951"), edges);
        Assert.DoesNotContain((Usa, nzl, "anzus-1951"), edges);
        Assert.DoesNotContain((nzl, Usa, "anzus-1951"), edges);
    }

    [Fact]
    public void ATOP_coverage_end_is_read_from_the_release()
    {
        var c = Pacta.Tests.Cascade.CascadeCorpus.Corpus;
        Assert.Equal(new DateOnly(2018, 12, 31), c.Bound.CoverageEnd(AgreementOrigin.Atop));
        Assert.Equal(Force.Continued, c.Bound.On(c.Agreement("atop-4940")!, new DateOnly(2020, 1, 1), Assumptions.None).Force);
    }
}
