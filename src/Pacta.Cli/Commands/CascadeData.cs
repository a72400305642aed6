using Pacta.Datasets.Atop;
using Pacta.Domain;
using Pacta.Evaluation.Cascade;

namespace Pacta.Cli.Commands;

/// <summary>The shipped data the cascade commands read: COW major powers, ATOP alliances and COW inter-state wars.</summary>
public static class CascadeData
{
    public static string MajorsFile => Path.Combine(Workspace.DataDir, "cow", "majors2016.csv");
    public static string AtopFolder => Path.Combine(Workspace.DataDir, "atop");
    public static string WarsFile => Path.Combine(Workspace.DataDir, "wars", "Inter-StateWarData_v4.0.csv");

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

    /// <summary>ATOP 5.1 alliances as agreements (<c>atop-&lt;atopid&gt;</c>); errors become one-line failures.</summary>
    public static IReadOnlyList<Agreement> AtopAgreements()
    {
        var result = AtopImporter.ImportFolder(AtopFolder);
        if (!result.Ok)
            throw new PactaException($"ATOP import failed: {string.Join("; ", result.Errors.Take(5).Select(e => $"{e.File}:{e.Line}:{e.Column}: {e.Code}: {e.Message}"))}");
        return AtopToAgreements.Convert(result.Release!);
    }

    /// <summary>A corpus of the ATOP alliances alone, with the workspace's states and locations.</summary>
    public static Corpus AtopCorpus(Workspace ws) => new(AtopAgreements(), [], [], ws.States, ws.Locations);
}
