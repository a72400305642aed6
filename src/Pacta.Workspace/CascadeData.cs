using Pacta.Datasets.Atop;
using Pacta.Domain;
using Pacta.Evaluation.Cascade;
using Pacta.Evaluation.Validation;

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

    public static string ContiguityFile => Path.Combine(PactaWorkspace.DataDir, "contiguity", "contdir.csv");
    public static string JoinCoefficientsFile => Path.Combine(PactaWorkspace.DataDir, "join-model", "coefficients.json");

    /// <summary>The war file read with every spell kept (the validation's universe).</summary>
    public static IReadOnlyList<SpelledWar> WarSpells()
    {
        try { return Evaluation.Validation.WarSpells.Parse(File.ReadAllText(WarsFile)); }
        catch (FormatException e) { throw new PactaException($"{WarsFile}: {e.Message}"); }
    }

    public static Contiguity Contiguity()
    {
        try { return Evaluation.Validation.Contiguity.Parse(File.ReadAllText(ContiguityFile)); }
        catch (FormatException e) { throw new PactaException($"{ContiguityFile}: {e.Message}"); }
    }

    /// <summary>The shipped coefficients of the joining model (or those of <paramref name="path"/>); errors name the file and the line or field.</summary>
    public static JoinCoefficients JoinCoefficients(string? path = null)
    {
        path ??= JoinCoefficientsFile;
        if (!File.Exists(path)) throw new PactaException($"{path}: no such file (refit with '{Evaluation.Validation.JoinCoefficients.Command}')");
        var bytes = File.ReadAllBytes(path);
        try
        {
            var c = Evaluation.Validation.JoinCoefficients.Parse(System.Text.Encoding.UTF8.GetString(bytes), path);
            return c with { Source = new JoinModelFile(Shown(path), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), c.FittedOn, c.Wars) };
        }
        catch (FormatException e) { throw new PactaException(e.Message); }
    }

    /// <summary>The fitted join model for a cascade from <paramref name="start"/> (<c>--join-model fitted</c>).</summary>
    public static FittedJoinModel FittedJoinModel(CascadeStart start) => FittedJoinModel(start, JoinCoefficients(), Contiguity());

    /// <summary>The fitted join model from coefficients and contiguity already read (a session reads them once).</summary>
    public static FittedJoinModel FittedJoinModel(CascadeStart start, JoinCoefficients coefficients, Contiguity contiguity) =>
        new(coefficients.Values, start, contiguity, coefficients.Source);

    /// <summary>How outputs name a coefficients file: the shipped one as data/join-model/coefficients.json, any other by its path.</summary>
    private static string Shown(string path) =>
        Path.GetFullPath(path) == Path.GetFullPath(JoinCoefficientsFile) ? "data/join-model/coefficients.json" : path;

    /// <summary>A corpus of the ATOP alliances alone (the workspace's release), with the workspace's states and locations.</summary>
    public static Corpus AtopCorpus(PactaWorkspace ws) => new(AtopToAgreements.Convert(ws.Atop), [], [], ws.States, ws.Locations);
}
