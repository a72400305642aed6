using Pacta.Datasets.Atop;
using Pacta.Domain;
using Pacta.Evaluation.Cascade;

namespace Pacta.Workspace;

/// <summary>The shipped data the cascade commands read: COW major powers, ATOP alliances and COW inter-state wars.</summary>
public static class CascadeData
{
    public static string MajorsFile => Path.Combine(PactaWorkspace.DataDir, "cow", "majors2016.csv");
    public static string WarsFile => Path.Combine(PactaWorkspace.DataDir, "wars", "Inter-StateWarData_v4.0.csv");

    public static MajorPowers Majors()
    {
        using var reader = new StreamReader(MajorsFile);
        try { return MajorPowers.Parse(reader); }
        catch (FormatException e) { throw new PactaException($"{MajorsFile}: {e.Message}"); }
    }

    public static IReadOnlyList<InterstateWar> Wars()
    {
        try { return InterstateWars.Parse(File.ReadAllText(WarsFile)); }
        catch (FormatException e) { throw new PactaException($"{WarsFile}: {e.Message}"); }
    }

    /// <summary>A corpus of the ATOP alliances alone (the workspace's release), with the workspace's states and locations.</summary>
    public static Corpus AtopCorpus(PactaWorkspace ws) => new(AtopToAgreements.Convert(ws.Atop), [], [], ws.States, ws.Locations);
}
