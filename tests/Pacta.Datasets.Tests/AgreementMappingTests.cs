using Pacta.Datasets.Atop;
using Pacta.Domain;

namespace Pacta.Datasets.Tests;

public class AgreementMappingTests
{
    private static readonly IReadOnlyList<Agreement> Agreements = AtopToAgreements.Convert(Paths.Atop);

    private static Agreement Get(string id) => Agreements.Single(a => a.Id == id);

    [Fact]
    public void Every_alliance_becomes_an_agreement()
    {
        Assert.Equal(789, Agreements.Count);
        Assert.All(Agreements, a => Assert.Equal(AgreementOrigin.Atop, a.Origin));
        Assert.Equal(2510, Agreements.Sum(a => a.Parties.Count));
        Assert.Equal(Agreements.Count, Agreements.Select(a => a.Id).Distinct().Count());
        Assert.All(Agreements, a => Assert.Equal(a.Provisions.Count, a.Provisions.Select(p => p.Id).Distinct().Count()));
    }

    [Fact]
    public void Britain_and_France_defend_Sweden_1855_and_all_consult()
    {
        var a = Get("atop-1190");
        Assert.Equal(AgreementForm.Treaty, a.Form);
        Assert.Equal(Bindingness.Legal, a.Bindingness);
        Assert.Equal(new DateOnly(1855, 11, 21), a.Dates.InForceOn);
        Assert.Equal(new DateOnly(1856, 3, 30), a.Dates.Ends);
        Assert.NotEqual(AgreementStatus.InForce, a.Status);
        Assert.Equal([200, 220, 380], a.Parties.Select(p => p.State!.Value).Order().ToArray());

        var uk = a.Provisions.Single(p => p.Id == "defense-200-p0");
        Assert.Equal("ATOP defense (member 200, phase 0)", uk.Citation);
        Assert.Equal(ProvisionKind.Defense, uk.Kind);
        Assert.Equal([TriggerKind.ArmedAttack], uk.Trigger!.Kinds);
        Assert.Equal(SelectorKind.States, uk.Trigger.Target.Kind);
        Assert.Equal([380], uk.Trigger.Target.States);
        var ob = Assert.Single(uk.Obligations);
        Assert.Equal([200], ob.Obligor.States);
        Assert.Equal(SelectorKind.Target, ob.Beneficiary.Kind);
        Assert.Equal(Strength.Automatic, ob.Strength);
        Assert.EndsWith("atop5_1m.csv", uk.Position.File);
        Assert.True(uk.Position.Line > 1);

        Assert.DoesNotContain(a.Provisions, p => p.Id == "defense-380-p0");
        var consult = a.Provisions.Single(p => p.Id == "consultation-380-p0");
        Assert.Equal(SelectorKind.AnyMember, consult.Trigger!.Target.Kind);
        Assert.Equal([TriggerKind.ThreatOfAttack], consult.Trigger.Kinds);
        Assert.Equal(Strength.Consultative, consult.Obligations[0].Strength);
    }

    [Fact]
    public void Member_conditions_become_atop_conditions()
    {
        var p = Get("atop-1015").Provisions.Single(x => x.Id == "defense-300-p0");
        Assert.Contains(p.Conditions, c => c.Kind == ConditionKind.AtopCondition && c.Text == "defcoadv=1: only against specific adversaries");
    }

    [Fact]
    public void Phases_give_one_party_per_member_spell()
    {
        var a = Get("atop-1350");
        Assert.Equal(12, a.Parties.Count);
        Assert.Contains(a.Provisions, p => p.Id == "offense-255-p2" && p.Trigger!.Target.States.SequenceEqual([325]));
        var italyLast = a.Parties.Single(p => p.State == 325 && p.Note!.StartsWith("phase 4", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(1915, 5, 23), italyLast.Span.To);
    }

    [Fact]
    public void Alliances_in_effect_are_open_ended()
    {
        var nato = Agreements.Where(a => a.Status == AgreementStatus.InForce).ToList();
        Assert.NotEmpty(nato);
        Assert.All(nato, a => Assert.Null(a.Dates.Ends));
        Assert.Contains(nato.SelectMany(a => a.Parties), p => p.Span.To is null);
    }

    [Fact]
    public void Each_provision_applies_for_its_member_rows_spell()
    {
        // atop5_1m.csv, Helsinki Final Act: line 1286 is 365 in phase 1 (1975-08-01 .. 1990-11-21, ineffect=0),
        // line 1320 is 365 in phase 2 (from 1990-11-21, still in effect).
        var a = Get("atop-3740");
        var p1 = a.Provisions.Single(p => p.Id == "non-aggression-365-p1");
        Assert.Equal(1286, p1.Position.Line);
        Assert.Equal(new DateSpan(new DateOnly(1975, 8, 1), new DateOnly(1990, 11, 21)), p1.Span);
        var p2 = a.Provisions.Single(p => p.Id == "non-aggression-365-p2");
        Assert.Equal(1320, p2.Position.Line);
        Assert.Equal(new DateSpan(new DateOnly(1990, 11, 21), null), p2.Span);
        // Every provision spans exactly the party entry of its member row.
        Assert.All(Agreements.SelectMany(x => x.Provisions.Select(p => (x, p))), t =>
            Assert.Equal(t.x.Parties.Single(q => q.Position.Line == t.p.Position.Line).Span, t.p.Span));
    }
}
