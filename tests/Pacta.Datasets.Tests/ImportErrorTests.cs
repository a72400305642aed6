using Pacta.Datasets.Atop;

namespace Pacta.Datasets.Tests;

/// <summary>Broken ATOP files give exact located errors and no release.</summary>
public sealed class ImportErrorTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "pacta-atop-" + Guid.NewGuid().ToString("N"));
    private string Members => Path.Combine(_dir, "atop5_1m.csv");
    private string Alliances => Path.Combine(_dir, "atop5_1a.csv");

    public ImportErrorTests()
    {
        Directory.CreateDirectory(_dir);
        foreach (var f in Directory.GetFiles(Paths.AtopFolder, "*.csv")) File.Copy(f, Path.Combine(_dir, Path.GetFileName(f)));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Replaces field <paramref name="column"/> (1-based) on physical line <paramref name="line"/> (1 = header).</summary>
    private static void SetField(string file, int line, int column, string value) => Edit(file, lines =>
    {
        var f = lines[line - 1].Split(',');
        f[column - 1] = value;
        lines[line - 1] = string.Join(',', f);
    });

    private static void Edit(string file, Action<string[]> change)
    {
        var lines = File.ReadAllText(file).Split("\r\n");
        change(lines);
        File.WriteAllText(file, string.Join("\r\n", lines));
    }

    private AtopImportResult Import() => AtopImporter.ImportFolder(_dir);

    private void AssertErrors(params string[] expected)
    {
        var r = Import();
        Assert.Null(r.Release);
        Assert.False(r.Ok);
        Assert.Equal(expected, r.Errors.Select(e => e.ToString()).ToArray());
    }

    [Fact]
    public void The_bundled_release_imports_whole()
    {
        var r = Import();
        Assert.True(r.Ok, string.Join('\n', r.Errors));
        Assert.Equal(789, r.Release!.Alliances.Count);
        Assert.Equal(2510, r.Release.Alliances.Sum(a => a.Members.Count));
        Assert.Equal("5.1", r.Release.Version);
        Assert.Equal(new DateOnly(2018, 12, 31), r.Release.CoverageEnd);
    }

    [Fact]
    public void Missing_column()
    {
        // Drop "defense" (column 31) from every line of the member file.
        Edit(Members, lines =>
        {
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Length == 0) continue;
                var f = lines[i].Split(',').ToList();
                f.RemoveAt(30);
                lines[i] = string.Join(',', f);
            }
        });
        AssertErrors($"{Members}:1:1: error atop-missing-column: column 'defense' is missing");
    }

    [Fact]
    public void Renamed_column()
    {
        SetField(Members, 1, 31, "defence");
        AssertErrors($"{Members}:1:31: error atop-missing-column: column 'defense' is missing (column 31 is 'defence', not an ATOP name: renamed?)");
    }

    [Fact]
    public void Non_numeric_code()
    {
        SetField(Members, 2, 4, "UK");
        AssertErrors($"{Members}:2:4: error atop-not-numeric: member must be a whole number, not 'UK'");
    }

    [Fact]
    public void Month_13_is_an_impossible_date()
    {
        SetField(Members, 3, 7, "13");
        AssertErrors($"{Members}:3:7: error atop-bad-date: moent = 13 is outside 1–12");
    }

    [Fact]
    public void February_30_is_an_impossible_date()
    {
        SetField(Alliances, 2, 4, "1815");
        SetField(Alliances, 2, 5, "2");
        SetField(Alliances, 2, 6, "30");
        AssertErrors($"{Alliances}:2:6: error atop-bad-date: begyr/begmo/begday = 1815-2-30 is not a calendar day");
    }

    [Fact]
    public void Exit_before_entry()
    {
        SetField(Members, 2, 9, "1814");
        AssertErrors($"{Members}:2:9: error atop-bad-date: exit 1814-02-08 is before entry 1815-01-03");
    }

    [Fact]
    public void Missing_value_code_where_ATOP_always_codes()
    {
        SetField(Members, 4, 31, "-9");
        SetField(Members, 5, 6, "");
        AssertErrors(
            $"{Members}:4:31: error atop-missing-value: defense is the missing-value code '-9'; ATOP always codes it",
            $"{Members}:5:6: error atop-missing-value: yrent is missing; ATOP always codes it");
    }

    [Fact]
    public void Missing_value_code_where_allowed_is_accepted()
    {
        SetField(Members, 2, 8, "");      // dayent: the day may be unknown
        SetField(Alliances, 2, 14, ".");  // estmode: unknown without the treaty text
        Assert.True(Import().Ok);
    }

    [Fact]
    public void Member_of_an_unknown_alliance()
    {
        SetField(Members, 2, 1, "9999");
        AssertErrors($"{Members}:2:1: error atop-unknown-alliance: alliance 9999 is not in the alliance-level file");
    }
}
