namespace Pacta.Domain;

/// <summary>
/// Identities of provisions and obligations that do not move when a file is reformatted: built from the agreement
/// id, the provision id (unique within its agreement, checked by the reader) and the obligation's place in its
/// provision (1-based), e.g. <c>north-atlantic-treaty-1949/art-5/1</c>. File, line and column are where an element
/// was read, for messages only; they are not its identity.
/// </summary>
public static class StableIds
{
    public static string Provision(Agreement a, Provision p) => $"{a.Id}/{p.Id}";

    /// <summary>The obligation's id, or null when <paramref name="o"/> is not (this very object) one of the provision's.</summary>
    public static string? Obligation(Agreement a, Provision p, Obligation o) =>
        ObligationNumber(p, o) is var n and > 0 ? $"{a.Id}/{p.Id}/{n}" : null;

    /// <summary>
    /// The last part of the obligation's id: its place in <paramref name="p"/>, from 1; 0 when <paramref name="o"/> is not
    /// (this very object) one of its obligations. Does not allocate, for callers that key on the id's parts.
    /// </summary>
    public static int ObligationNumber(Provision p, Obligation o)
    {
        for (var i = 0; i < p.Obligations.Count; i++)
            if (ReferenceEquals(p.Obligations[i], o)) return i + 1;
        return 0;
    }
}
