namespace Pacta.Datasets.Atop;

/// <summary>Plain-English readings of ATOP codes (codebook §2.32–2.35), used in notes and condition texts.</summary>
internal static class AtopCodes
{
    public static readonly IReadOnlyDictionary<string, string> Conditions = new Dictionary<string, string>
    {
        ["defcoadv"] = "only against specific adversaries",
        ["defcoloc"] = "only for conflict in specific locations",
        ["defcocon"] = "only in a specific ongoing conflict",
        ["defconum"] = "depends on the number of adversaries",
        ["defcodem"] = "only if the ally or the adversary meets demands set in the treaty",
        ["defconpr"] = "only if the ally has not provoked the adversary",
        ["offcoadv"] = "only against specific adversaries",
        ["offcoloc"] = "only for conflict in specific locations",
        ["offcocon"] = "only in a specific ongoing conflict",
        ["offconum"] = "depends on the number of adversaries",
        ["offcodem"] = "only if the ally or the adversary meets demands set in the treaty",
        ["neucoadv"] = "only against specific adversaries",
        ["neucoloc"] = "only for conflict in specific locations",
        ["neucocon"] = "only in a specific ongoing conflict",
        ["neuconum"] = "depends on the number of adversaries",
        ["neucodem"] = "only if the ally or the adversary meets demands set in the treaty",
        ["neuconpr"] = "only if the ally has not provoked the adversary",
        ["neucoatt"] = "only if the ally is attacked",
        ["concoadv"] = "only for crises with specific adversaries",
        ["concoloc"] = "only for crises in specific locations",
        ["concocon"] = "only in a specific ongoing conflict",
        ["concoreq"] = "only when an ally requests consultation",
        ["olimob"] = "some obligation of this member depends on a further condition",
    };

    public static string Term(int? term) => term switch
    {
        0 => "in effect at the end of the data, or ended by a member's loss of independence",
        1 => "ended when its provisions were fulfilled",
        2 => "ended by violation or abrogation",
        3 => "ended when members negotiated a new relationship",
        null => "termination not coded",
        _ => $"term code {term}",
    };

    public static string Secrecy(int? pubsecr, int? secrart) => pubsecr switch
    {
        0 => "public",
        1 => $"public with secret articles (secrart={secrart?.ToString() ?? "missing"}: {SecretContent(secrart)})",
        2 => "entirely secret",
        null => "secrecy not coded",
        _ => $"pubsecr code {pubsecr}",
    };

    private static string SecretContent(int? secrart) => secrart switch
    {
        1 => "division of spoils",
        2 => "target states",
        3 => "obligations or their conditions",
        4 => "target states and obligations",
        5 => "contributions",
        6 => "guidelines for military operations",
        7 => "accessions",
        8 => "the whole treaty",
        _ => "unspecified",
    };

    public static string MilitaryAid(int? milaid) => milaid switch
    {
        0 => "none",
        1 => "general or unspecified",
        2 => "grants or loans",
        3 => "training or technology",
        4 => "grants or loans and training or technology",
        null => "not coded",
        _ => $"milaid code {milaid}",
    };

    public static string Organisation(int? organ, int? purpose) => organ switch
    {
        0 => "none",
        1 => $"regular meetings of officials ({Purpose(purpose)})",
        2 => $"a named organisation with regular meetings ({Purpose(purpose)})",
        3 => $"a standing organisation with a permanent bureaucracy ({Purpose(purpose)})",
        null => "not coded",
        _ => $"organ code {organ}",
    };

    private static string Purpose(int? p) => p switch
    {
        1 => "military",
        2 => "economic",
        3 => "political consultation",
        4 => "military, economic and political",
        5 => "dispute settlement",
        _ => "purpose not coded",
    };

    public static string Threat(int? specthrt, int? s1, int? s2) => specthrt switch
    {
        0 => "none named",
        null => "not coded",
        _ => $"specthrt={specthrt} ({ThreatKind(specthrt)})" + (s1 is > 0 ? $", state {s1}" : "") + (s2 is > 0 ? $" and {s2}" : ""),
    };

    private static string ThreatKind(int? t) => t switch
    {
        1 => "specific states",
        2 => "a specific region",
        3 => "specific states in a region",
        4 => "an ongoing conflict",
        5 => "domestic or non-state actors",
        6 => "another alliance",
        _ => "other",
    };
}
