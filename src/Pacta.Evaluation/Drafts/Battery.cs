using Pacta.Domain;

namespace Pacta.Evaluation.Drafts;

/// <summary>
/// The scenarios a draft is assessed against, as data (data/battery/default.yaml or <c>--battery FILE</c>), so that an
/// assessment can be repeated: the days, an assumed ceasefire (each scenario is run with and without it), the event
/// kinds, where attackers come from, the location classes of each country, and whether event attributes are varied.
/// <paramref name="MidsFrom"/>: states the target had a militarized interstate dispute with (GML MID 2.2.1) in that year
/// or later count as attackers (null: none; the data end in 2010, so the window is a first year, not a span before the
/// day). <paramref name="Overseas"/>: each territory the target holds outside its own country code (GL for DK) is a
/// location class of its own.
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
    bool VaryAttributes,
    int? MidsFrom = null,
    bool Overseas = false);

/// <summary>A named location class of a country (capital region, border regions) and the location codes it holds.</summary>
public sealed record PlaceClass(string Name, IReadOnlyList<string> Codes);

/// <summary>
/// The shipped data that say who could plausibly attack a state: COW contiguity (closest type on a day), the COW
/// inter-state wars, the COW major powers on a day, and the militarized disputes (for a state: each other state and a
/// year it was in a dispute with it; null when not loaded). Supplied by the host; the core reads no files.
/// </summary>
public sealed record AttackerData(
    Func<int, int, DateOnly, int?> ContiguityType,
    IReadOnlyList<Cascade.InterstateWar> Wars,
    Func<DateOnly, IReadOnlySet<int>> MajorsOn,
    Func<int, IReadOnlyList<(int Other, int Year)>>? Disputes = null);
