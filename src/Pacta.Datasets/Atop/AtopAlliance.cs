namespace Pacta.Datasets.Atop;

/// <summary>
/// An ATOP calendar date whose day may be unknown (ATOP leaves DAYENT/DAYEXIT blank then). Convention: an unknown
/// entry day is the first of the month and an unknown exit day the last of the month, so a membership is never
/// shortened by a missing day.
/// </summary>
public readonly record struct AtopDate(int Year, int Month, int? Day)
{
    public DateOnly FirstDay => new(Year, Month, Day ?? 1);
    public DateOnly LastDay => new(Year, Month, Day ?? DateTime.DaysInMonth(Year, Month));
    public override string ToString() => Day is { } d ? $"{Year:D4}-{Month:D2}-{d:D2}" : $"{Year:D4}-{Month:D2} (day unknown)";
}

/// <summary>
/// One row of the member-level file: a state in one phase of an alliance (codebook §2.32–2.33).
/// <see cref="Conditions"/> lists the condition dummies (DEFCOADV … CONCOREQ, OLIMOB) coded 1.
/// </summary>
public sealed record AtopMember(
    int AtopId,
    int State,
    int Phase,
    bool CowSystem,
    AtopDate Entry,
    AtopDate? Exit,
    bool InEffect,
    AllianceObligations Obligations,
    IReadOnlyList<string> Conditions,
    bool Asymmetric,
    bool ObligationsVary,
    int? TermMode,
    int Line);

/// <summary>One row of the alliance-level file (codebook §2.4) with its members from the member-level file.</summary>
public sealed record AtopAlliance(
    int AtopId,
    int? CowId,
    int? Cow4Id,
    AtopDate Begin,
    AtopDate? End,
    bool InEffect,
    bool Bilateral,
    int MaxPhase,
    bool Asymmetric,
    int? EstMode,
    int? PubSecr,
    int? SecrArt,
    int? MilAid,
    int? Organ1,
    int? OrgPurp1,
    int? Organ2,
    int? OrgPurp2,
    int? Term,
    int? SpecThrt,
    int? StatThr1,
    int? StatThr2,
    int Line,
    IReadOnlyList<AtopMember> Members);

/// <summary>
/// An imported ATOP release. <see cref="CoverageEnd"/> is the last day the release covers (31 December of the
/// latest year in its dates: 2018-12-31 for 5.1); memberships in effect then are open-ended.
/// </summary>
public sealed record AtopRelease(
    string Version,
    string AllianceFile,
    string MemberFile,
    IReadOnlyList<AtopAlliance> Alliances,
    IReadOnlyDictionary<string, int> MemberColumns,
    DateOnly CoverageEnd)
{
    public AtopAlliance? Alliance(int atopId) => Alliances.FirstOrDefault(a => a.AtopId == atopId);
}

/// <summary>Either a whole release or the located errors that stopped it; never part of a release.</summary>
public sealed record AtopImportResult(AtopRelease? Release, IReadOnlyList<AtopError> Errors)
{
    public bool Ok => Release is not null && Errors.Count == 0;
}
