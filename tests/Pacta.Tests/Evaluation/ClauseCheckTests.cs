using Pacta.Domain;
using Pacta.Evaluation;
using Pacta.Evaluation.Checks;
using Pacta.Tests.Support;

namespace Pacta.Tests.Evaluation;

/// <summary>
/// Each clause check on hand-worked cases over a small hand-built corpus: what it decides (met, not met, unknown or
/// not applicable) and the words it gives, and that deciding alone gives the same result as deciding and wording.
/// </summary>
public sealed class ClauseCheckTests
{
    private const int Usa = 2, Gbr = 200, Fra = 220, Rus = 365, Est = 366, Chn = 710;
    private static readonly DateOnly Day = new(2025, 6, 1);
    private static readonly Position Here = new("pact.yaml", 3, 1);

    private static Party P(int cow, PartyRole role, DateOnly? from = null) =>
        new(cow, null, role, new DateSpan(from, null), [], null, Position.None);

    private static readonly Conflict War = new("war", "The War", [Rus], [Est], new DateSpan(new DateOnly(2024, 1, 1), null), [], Here);

    private static Provision Clause(Trigger? trigger = null, IReadOnlyList<Condition>? conditions = null, IReadOnlyList<TriggerKind>? breachedBy = null,
        Selector? obligor = null, Selector? beneficiary = null) =>
        new("art-5", "Art. 5", ProvisionKind.Defense, "defence", null, [], trigger ?? T(),
            [new Obligation(obligor ?? Selector.Of("other-parties"), beneficiary ?? Selector.Of("target"), "assist", Strength.Automatic, [], null,
                DeadlineFirmness.Hard, null, [], [new Condition(ConditionKind.ParliamentaryApproval, "the Riigikogu approves", [Est])], Here)],
            conditions ?? [], breachedBy ?? [], [], Here);

    private static Trigger T(Selector? target = null, Selector? attacker = null, Scope? scope = null, string? after = null, params TriggerKind[] kinds) =>
        new(kinds.Length > 0 ? kinds : [TriggerKind.ArmedAttack], target ?? Selector.Of("any-member"), attacker ?? Selector.Of("anyone"),
            scope ?? Scope.Anywhere, after, Here);

    private static Agreement Pact(Provision p) =>
        new("pact", "Pact", AgreementForm.Treaty, AgreementStatus.InForce, Bindingness.Legal, null,
            new AgreementDates(new DateOnly(1990, 1, 1), new DateOnly(1990, 1, 1), null, null, null, null, null),
            [P(Usa, PartyRole.Member), P(Gbr, PartyRole.Guarantor), P(Est, PartyRole.Member, new DateOnly(2004, 3, 29)), P(Fra, PartyRole.Signatory)],
            [], [p], [], [], AgreementOrigin.Pacta, Here);

    private static State S(int cow) => TestCorpus.States.ByCow(cow)!;

    private static Event E(int attacker, int target, string location = "EE", DateOnly? day = null, TriggerKind kind = TriggerKind.ArmedAttack) =>
        new(kind, S(attacker), S(target), day ?? Day, null, TestCorpus.Locations.Find(location)!);

    /// <summary>Runs <paramref name="check"/> on the pact's only provision, deciding alone and then with its words.</summary>
    private static (CheckResult? Result, string[] Words) Run(ClauseCheck check, Provision p, Event e, Assumptions? assumptions = null, bool obligation = false)
    {
        var a = Pact(p);
        var corpus = new Corpus([a], [], [War], TestCorpus.States, TestCorpus.Locations);
        var at = new AgreementAtEvent(new EventScene(corpus, e, assumptions ?? Assumptions.None), corpus.Bound.Terms(a));
        var o = obligation ? p.Obligations[0] : null;
        var decided = check.Run(new ClauseInput(at, p, o, null), null);
        var words = new List<Explanation>();
        var worded = check.Run(new ClauseInput(at, p, o, ExplanationSource.Of(a, p, Here)), words);
        Assert.Equal(decided, worded);
        if (decided is null) Assert.Empty(words);
        else Assert.All(words, w => Assert.True(w.Result == decided || decided == CheckResult.Unknown, $"{w.Check}: {w.Result}, decided {decided}"));
        return (decided, [.. words.Select(Render)]);
    }

    private static void Is((CheckResult? Result, string[] Words) expected, (CheckResult? Result, string[] Words) actual)
    {
        Assert.Equal(expected.Result, actual.Result);
        Assert.Equal(expected.Words, actual.Words);
    }

    private static string Render(Explanation e) =>
        e.Children.Count == 0 ? e.Check : $"{e.Check} [{string.Join("; ", e.Children.Select(Render))}]";

    [Fact]
    public void InForce_MetOnTheDay_NotMetBeforeItEntersIntoForce_AndDecisive()
    {
        var check = new InForceCheck();
        Assert.True(check.Decisive);
        Is((CheckResult.Met, ["pact is in force on 2025-06-01 (1990-01-01 .. open)"]), Run(check, Clause(), E(Rus, Est)));
        Is((CheckResult.NotMet, ["not in force: pact enters into force on 1990-01-01"]), Run(check, Clause(), E(Rus, Est, day: new DateOnly(1985, 1, 1))));
    }

    [Fact]
    public void EventKind_ImpliedKindMet_OtherKindNotMet_NuclearWorded()
    {
        var check = new EventKindCheck();
        Is((CheckResult.Met, ["the event (armed-attack) matches the trigger (war-involvement)"]),
            Run(check, Clause(T(kinds: TriggerKind.WarInvolvement)), E(Rus, Est)));
        Is((CheckResult.NotMet, ["the trigger needs armed-attack; the event is threat-of-attack"]),
            Run(check, Clause(), E(Rus, Est, kind: TriggerKind.ThreatOfAttack)));
        Is((CheckResult.NotMet, ["needs nuclear use: the trigger needs aggression-with-nuclear-weapons; the event is armed-attack"]),
            Run(check, Clause(T(kinds: TriggerKind.AggressionWithNuclearWeapons)), E(Rus, Est)));
    }

    [Fact]
    public void Target_MemberMet_NotYetMemberNotMet_SignatoryNotCovered_SelectorWithoutTargetsUnknown()
    {
        var check = new TargetCheck();
        Is((CheckResult.Met, ["Estonia is a party on 2025-06-01"]), Run(check, Clause(), E(Rus, Est)));
        Is((CheckResult.NotMet, ["target not a member on that date: Estonia is not a party on 2000-01-01 (becomes a party on 2004-03-29)"]),
            Run(check, Clause(), E(Rus, Est, day: new DateOnly(2000, 1, 1))));
        Is((CheckResult.NotMet, ["target not a member on that date: France is a party on 2025-06-01 only as signatory, which any-member does not cover"]),
            Run(check, Clause(), E(Rus, Fra, "FR")));
        Is((CheckResult.NotMet, ["wrong target: the trigger protects United States, not Estonia"]),
            Run(check, Clause(T(target: Selector.ForStates(Usa))), E(Rus, Est)));
        Is((CheckResult.Unknown, ["target selector anyone"]), Run(check, Clause(T(target: Selector.Of("anyone"))), E(Rus, Est)));
    }

    [Fact]
    public void Attacker_AnyoneMet_PartyNotANonParty_NamedStates_SelectorWithoutAttackersUnknown()
    {
        var check = new AttackerCheck();
        Is((CheckResult.Met, ["an attack by anyone counts (Russia)"]), Run(check, Clause(), E(Rus, Est)));
        Is((CheckResult.Met, ["Russia is not a party, as the trigger requires"]), Run(check, Clause(T(attacker: Selector.Of("non-party"))), E(Rus, Est)));
        Is((CheckResult.NotMet, ["wrong attacker: France is itself a party; the trigger covers attacks by non-parties"]),
            Run(check, Clause(T(attacker: Selector.Of("non-party"))), E(Fra, Est)));
        Is((CheckResult.NotMet, ["wrong attacker: the trigger names Russia, not China"]),
            Run(check, Clause(T(attacker: Selector.ForStates(Rus))), E(Chn, Est)));
        Is((CheckResult.Unknown, ["attacker selector any-member"]), Run(check, Clause(T(attacker: Selector.Of("any-member"))), E(Rus, Est)));
        Assert.Equal([Rus], check.NamedAttackers(Clause(T(attacker: Selector.ForStates(Rus)))));
        Assert.Empty(check.NamedAttackers(Clause()));
    }

    [Fact]
    public void Scope_OwnTerritoryMet_ElsewhereNotMet_ExcludedNotMet()
    {
        var check = new ScopeCheck();
        Is((CheckResult.Met, ["the location Estonia (EE) is within the scope [Estonia (EE) is territory of Estonia]"]), Run(check, Clause(), E(Rus, Est)));
        Is((CheckResult.NotMet, ["the location France (FR) is within the scope [location outside scope: France (FR) is not territory of Estonia (it belongs to France)]"]),
            Run(check, Clause(), E(Rus, Est, "FR")));
        Is((CheckResult.NotMet, ["the location France (FR) is within the scope (Europe only) [location outside scope: France (FR) is excluded (France (FR)); France (FR) is territory of a party (France)]"]),
            Run(check, Clause(T(scope: new Scope([], ["FR"], Territory.AnyParty, "Europe only"))), E(Rus, Est, "FR")));
    }

    [Fact]
    public void AfterHostilities_DoesNotApplyWithout_OngoingNotMet_CeasefireMet_UnknownConflictUnknown()
    {
        var check = new AfterHostilitiesCheck();
        Is((null, []), Run(check, Clause(), E(Rus, Est)));
        Is((CheckResult.NotMet, ["needs hostilities ended: The War (war) is ongoing on 2025-06-01 since 2024-01-01 (assume a ceasefire with --assume-ceasefire)"]),
            Run(check, Clause(T(after: "war")), E(Rus, Est)));
        var ceasefire = new Assumptions([new AssumedCeasefire("war", new DateOnly(2025, 1, 1))], [], []);
        Is((CheckResult.Met, ["needs hostilities ended: The War (war) ended on 2024-12-31 (assumed ceasefire), before the event"]),
            Run(check, Clause(T(after: "war")), E(Rus, Est), ceasefire));
        Is((CheckResult.Unknown, ["unknown conflict peace"]), Run(check, Clause(T(after: "peace")), E(Rus, Est)));
    }

    [Fact]
    public void Conditions_UnknownOnePerCondition_ProvisionFirst_NotApplicableWithoutObligation()
    {
        var check = new ConditionsCheck();
        var p = Clause(conditions: [new Condition(ConditionKind.SecurityCouncilAction, "until the Council acts", [])]);
        Is((CheckResult.Unknown, ["condition (security-council-action): until the Council acts", "condition (parliamentary-approval): the Riigikogu approves [concerns Estonia]"]),
            Run(check, p, E(Rus, Est), obligation: true));
        Is((null, []), Run(check, p, E(Rus, Est)));
        Assert.Equal(CheckDependency.None, check.DependsOn);
    }

    [Fact]
    public void BreachChecks_KindPromisorPromisee_MetAndNotMet()
    {
        // Russia's promise not to attack Estonia (Russia is no party of this pact: it made no promise in it).
        var p = Clause(breachedBy: [TriggerKind.ArmedAttack], obligor: Selector.ForStates(Usa), beneficiary: Selector.ForStates(Est));
        Is((CheckResult.Met, ["an event of kind armed-attack breaks this promise (armed-attack)"]), Run(new BreachKindCheck(), p, E(Usa, Est)));
        Is((CheckResult.NotMet, ["needs armed-attack; the event is threat-of-attack"]), Run(new BreachKindCheck(), p, E(Usa, Est, kind: TriggerKind.ThreatOfAttack)));
        Is((CheckResult.Met, ["United States made this promise and is a party on 2025-06-01"]), Run(new ObligorCheck(), p, E(Usa, Est)));
        Is((CheckResult.NotMet, ["Russia did not make this promise (or is not a party on 2025-06-01)"]), Run(new ObligorCheck(), p, E(Rus, Est)));
        Is((CheckResult.Met, ["the promise is owed to Estonia"]), Run(new BeneficiaryCheck(), p, E(Usa, Est)));
        Is((CheckResult.NotMet, ["the promise is not owed to United Kingdom"]), Run(new BeneficiaryCheck(), p, E(Usa, Gbr, "GB")));
    }

    [Fact]
    public void DefaultChecks_DeclareWhatTheyRead()
    {
        var d = ClauseChecks.Default;
        Assert.Equal(["in force", "event kind", "target", "attacker", "scope", "after hostilities", "threshold", "void if"], d.Trigger.Select(c => c.Name));
        Assert.Equal(["threshold", "void if"], d.Trigger.Where(c => c.DependsOn.HasFlag(CheckDependency.EventAttributes)).Select(c => c.Name));
        // Only these read the attacker: the attack table runs them again per attacker and shares everything else.
        Assert.Equal(["attacker"], d.Trigger.Where(c => c.DependsOn.HasFlag(CheckDependency.Attacker)).Select(c => c.Name));
        Assert.Equal(["promisor", "promisee"], d.Breach.Where(c => c.DependsOn.HasFlag(CheckDependency.Attacker)).Select(c => c.Name));
        Assert.Equal(["target", "scope"], d.Trigger.Where(c => c.DependsOn.HasFlag(CheckDependency.Target)).Select(c => c.Name));
    }
    private static Trigger Guarantee() => T() with
    {
        Threshold = new AttackThreshold(["significant", "sustained"], "significant and sustained", Here),
        VoidIf = [new VoidCondition("target-attacked-first", "the target attacks first", Here)],
    };

    private static Event With(Event e, params (string Name, bool Value)[] attributes) =>
        e with { Attributes = attributes.Aggregate(EventAttributes.None, (a, x) => a.With(x.Name, x.Value)) };

    [Fact]
    public void Threshold_AllStatedMet_OneStatedAgainstNotMet_OneUnknownUndecided_NoThresholdNotApplicable()
    {
        var check = new ThresholdCheck();
        var p = Clause(Guarantee());
        Is((CheckResult.Met, ["the attack reaches the threshold \"significant and sustained\" (significant, sustained): each is stated"]),
            Run(check, p, With(E(Rus, Est), ("significant", true), ("sustained", true))));
        Is((CheckResult.NotMet, ["below the threshold \"significant and sustained\" (significant, sustained): the attack is stated not sustained"]),
            Run(check, p, With(E(Rus, Est), ("significant", true), ("sustained", false))));
        Is((CheckResult.Unknown, ["threshold undecided: the clause needs \"significant and sustained\" (significant, sustained); unknown whether the attack is sustained (decide with --event-attribute sustained=yes|no)"]),
            Run(check, p, With(E(Rus, Est), ("significant", true))));
        Is((null, []), Run(check, Clause(), E(Rus, Est)));
    }

    [Fact]
    public void VoidIf_StatedYesVoids_StatedNoKeeps_UnknownUndecided()
    {
        var check = new VoidIfCheck();
        var p = Clause(Guarantee());
        Is((CheckResult.NotMet, ["void: the target attacks first (the event states target-attacked-first=yes)"]),
            Run(check, p, With(E(Rus, Est), ("target-attacked-first", true))));
        Is((CheckResult.Met, ["not void: the clause is void if the target attacks first; the event states target-attacked-first=no"]),
            Run(check, p, With(E(Rus, Est), ("target-attacked-first", false))));
        Is((CheckResult.Unknown, ["void-if undecided: the clause is void if the target attacks first; unknown for this event (decide with --event-attribute target-attacked-first=yes|no)"]),
            Run(check, p, E(Rus, Est)));
        Is((null, []), Run(check, Clause(), E(Rus, Est)));
    }

    [Fact]
    public void Promisee_RoleBeneficiary_OwedToEveryPartyWithTheRoleFromItsEntry()
    {
        var check = new BeneficiaryCheck();
        var p = Clause(breachedBy: [TriggerKind.ArmedAttack], obligor: new Selector(SelectorKind.Role, [], PartyRole.Member), beneficiary: new Selector(SelectorKind.Role, [], PartyRole.Member));
        Is((CheckResult.Met, ["the promise is owed to Estonia, a party with role member on 2025-06-01"]), Run(check, p, E(Usa, Est)));
        Is((CheckResult.NotMet, ["the promise is not owed to Estonia: not a party with role member on 2000-06-01 (becomes a party on 2004-03-29)"]),
            Run(check, p, E(Usa, Est, day: new DateOnly(2000, 6, 1))));
        // The United Kingdom is a guarantor, not a member.
        Is((CheckResult.NotMet, ["the promise is not owed to United Kingdom: not a party with role member on 2025-06-01"]), Run(check, p, E(Usa, Gbr, "GB")));
    }
}
