using System.Globalization;
using Pacta.Datasets;
using Pacta.Datasets.Atop;
using Pacta.Domain;

namespace Pacta.Datasets.Tests;

/// <summary>Where the repository's data lives, found by walking up from the test binary, plus test fixtures.</summary>
internal static class Paths
{
    public static readonly string Repo = FindRepo();
    public static string AtopFolder => Path.Combine(Repo, "data", "atop");
    public static string Samples => Path.Combine(Repo, "tests", "fixtures", "atop-5.1-samples");
    public static string CowStates => Path.Combine(Repo, "data", "cow", "states2016.csv");

    private static string FindRepo()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Pacta.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Pacta.slnx not found above the test binary");
    }

    private static readonly Lazy<AtopRelease> Release51 = new(() =>
    {
        var r = AtopImporter.ImportFolder(AtopFolder);
        Assert.True(r.Ok, string.Join('\n', r.Errors));
        return r.Release!;
    });

    public static AtopRelease Atop => Release51.Value;

    /// <summary>COW v2016 membership, spells ending 2016-12-31 read as open (until data/states/states.csv exists).</summary>
    public static IReadOnlyList<State> CowStatesOpen()
    {
        var lines = File.ReadAllLines(CowStates).Skip(1);
        var spells = new Dictionary<int, (string Abb, string Name, List<DateSpan> Spells)>();
        foreach (var line in lines)
        {
            var f = line.Split(',');
            int I(int i) => int.Parse(f[i], CultureInfo.InvariantCulture);
            var cow = I(1);
            var to = new DateOnly(I(6), I(7), I(8));
            var span = new DateSpan(new DateOnly(I(3), I(4), I(5)), to == new DateOnly(2016, 12, 31) ? null : to);
            if (!spells.TryGetValue(cow, out var s)) spells[cow] = s = (f[0], f[2], []);
            s.Spells.Add(span);
        }
        return spells.Select(kv => new State(kv.Key, kv.Value.Abb, null, null, kv.Value.Name, kv.Value.Spells)).ToList();
    }
}
