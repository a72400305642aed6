using Pacta.Domain;

namespace Pacta.Evaluation.Drafts;

/// <summary>
/// The scenarios a draft is assessed against, as data (data/battery/default.yaml or <c>--battery FILE</c>), so that an
/// assessment can be repeated: the days, an assumed ceasefire (each scenario is run with and without it), the event
/// kinds, where attackers come from, the location classes of each country, and whether event attributes are varied.
/// </summary>
public sealed record Battery(
    IReadOnlyList<DateOnly> Dates,
    DateOnly? Ceasefire,
    IReadOnlyList<TriggerKind> Kinds,
    int ContiguityType,
    bool Wars,
    bool Majors,
    IReadOnlyList<int> ExtraAttackers,
    IReadOnlyDictionary<string, IReadOnlyList<PlaceClass>> Places,
    bool VaryAttributes);

/// <summary>A named location class of a country (capital region, border regions) and the location codes it holds.</summary>
public sealed record PlaceClass(string Name, IReadOnlyList<string> Codes);

/// <summary>
/// The shipped data that say who could plausibly attack a state: COW contiguity (closest type on a day), the COW
/// inter-state wars, the COW major powers on a day. Supplied by the host; the core reads no files.
/// </summary>
public sealed record AttackerData(
    Func<int, int, DateOnly, int?> ContiguityType,
    IReadOnlyList<Cascade.InterstateWar> Wars,
    Func<DateOnly, IReadOnlySet<int>> MajorsOn);
