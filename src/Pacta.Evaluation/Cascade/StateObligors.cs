namespace Pacta.Evaluation.Cascade;

/// <summary>
/// An organization is never a belligerent: an obligation that falls on one (the EU's duty to consult) draws no state
/// into the war; its members' own promises decide. The cascade reads triggered obligations through this filter.
/// </summary>
internal static class StateObligors
{
    public static IReadOnlyList<TriggeredObligation> Of(IReadOnlyList<TriggeredObligation> triggered)
    {
        foreach (var t in triggered)
            if (t.ObligorOrganization is not null) return [.. triggered.Where(x => x.ObligorOrganization is null)];
        return triggered;
    }
}
