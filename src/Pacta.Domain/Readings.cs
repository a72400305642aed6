namespace Pacta.Domain;

/// <summary>
/// A clause whose reading the sources dispute (a post-war gate, the attacker, who is bound, bindingness): its
/// readings, the default and why. <see cref="Provision"/> is the provision whose trigger or obligations the readings
/// change, or null for a clause of the whole agreement (bindingness, assumed parties).
/// </summary>
public sealed record ContestedClause(
    string Id,
    string? Provision,
    string Question,
    string Default,
    string DefaultReason,
    IReadOnlyList<ClauseReading> Readings,
    Position Position)
{
    public ClauseReading? Find(string reading) => Readings.FirstOrDefault(r => r.Id == reading);
}

/// <summary>One reading of a contested clause: what it says, its sources, and what it sets.</summary>
public sealed record ClauseReading(string Id, string Summary, IReadOnlyList<string> Sources, ReadingEffect Effect, Position Position);

/// <summary>
/// What a reading sets; each field left null is not touched. Provision level: the trigger's post-war gate
/// (<see cref="SetsAfterHostilities"/> with <see cref="AfterHostilities"/>, null meaning no gate), its attacker, and
/// the obligor of every obligation. Agreement level: bindingness, and whether the parties the encoding assumes
/// (<see cref="Party.AssumedByEncoding"/>) are parties at all.
/// </summary>
public sealed record ReadingEffect(
    bool SetsAfterHostilities,
    string? AfterHostilities,
    Selector? Attacker,
    Selector? Obligor,
    Bindingness? Bindingness,
    bool? AssumedParties)
{
    /// <summary>The keys the reading sets, as the file names them (every reading of a clause sets the same keys).</summary>
    public IEnumerable<string> Keys
    {
        get
        {
            if (SetsAfterHostilities) yield return "after_hostilities";
            if (Attacker is not null) yield return "attacker";
            if (Obligor is not null) yield return "obligor";
            if (Bindingness is not null) yield return "bindingness";
            if (AssumedParties is not null) yield return "assumed_parties";
        }
    }
}

/// <summary>The reading an agreement is evaluated under for one contested clause (and one provision of it).</summary>
public sealed record AppliedReading(ContestedClause Clause, string Reading)
{
    public bool IsDefault => Reading == Clause.Default;

    public IEnumerable<string> Alternatives => Clause.Readings.Select(r => r.Id).Where(r => r != Reading);
}

/// <summary>
/// A choice of reading: <c>CLAUSE=READING</c> everywhere the clause occurs (with that reading), or for one agreement
/// (<c>AGREEMENT:CLAUSE=READING</c>) or one provision (<c>AGREEMENT/PROVISION:CLAUSE=READING</c>).
/// </summary>
public sealed record ReadingChoice(string? Agreement, string? Provision, string Clause, string Reading)
{
    public override string ToString() =>
        $"{(Agreement is null ? "" : Agreement + (Provision is null ? "" : "/" + Provision) + ":")}{Clause}={Reading}";
}
