using Pacta.Tests.Support;
using Parquet;

namespace Pacta.Tests.Cli;

/// <summary><c>pacta dyads --add</c> through the real executable: peacesciencer's column names, NA past each source, usage errors.</summary>
public sealed class DyadsAddCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pacta-dyads-add-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string[] Lines(string text) => text.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');

    [Fact]
    public void All_pairs_with_contiguity_majors_mids_carry_peacesciencers_columns_and_NA_after_each_source()
    {
        var file = Path.Combine(_dir, "d.csv");
        var r = PactaCli.Run("dyads", "--directed", "--all-pairs", "--from", "2009", "--to", "2018", "--add", "contiguity,majors,mids", "--out", file);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var lines = Lines(File.ReadAllText(file));
        Assert.Equal("ccode1,ccode2,year,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul,source,conttype,cowmaj1,cowmaj2,gmlmidonset,gmlmidongoing", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToDictionary(f => string.Join(',', f.Take(3)), f => f.Skip(9).ToArray());
        // USA–Canada: land border, USA a major power; MIDs end with GML's 2010, contiguity and majors with 2016.
        Assert.Equal(["1", "1", "0", "0", "0"], rows["2,20,2010"]);
        Assert.Equal(["1", "1", "0", "", ""], rows["2,20,2011"]);
        Assert.Equal(["1", "1", "0", "", ""], rows["2,20,2016"]);
        Assert.Equal(["", "", "", "", ""], rows["2,20,2017"]);
        Assert.Equal(["", "", "", "", ""], rows["20,2,2018"]);
        // Every row has the same number of fields: NA is an empty field, never a missing one.
        Assert.All(lines, l => Assert.Equal(13, l.Count(c => c == ',')));
    }

    [Theory]
    [InlineData("contiguity,alliances", "unknown column family 'alliances'")]
    [InlineData("", "an empty column family")]
    public void Unknown_family_is_a_usage_error_naming_the_valid_ones(string families, string message)
    {
        var file = Path.Combine(_dir, "x.csv");
        var r = PactaCli.Run("dyads", "--directed", "--add", families, "--out", file);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Stderr);
        Assert.Contains("contiguity, majors, mids, wars", r.Stderr);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task Parquet_has_nullable_added_columns_with_nulls_after_coverage()
    {
        var file = Path.Combine(_dir, "d.parquet");
        var r = PactaCli.Run("dyads", "--undirected", "--from", "2007", "--to", "2008", "--add", "wars", "--out", file);
        Assert.True(r.ExitCode == 0, r.Stderr);
        await using var stream = File.OpenRead(file);
        await using var reader = await ParquetReader.CreateAsync(stream);
        var fields = reader.Schema.GetDataFields();
        Assert.Equal(["cowinterongoing", "cowinteronset"], fields.Skip(9).Select(f => f.Name).ToArray());
        Assert.True(fields[9].IsNullable);
        using var group = reader.OpenRowGroupReader(0);
        var years = new int[group.RowCount];
        var ongoing = new int?[group.RowCount];
        await group.ReadAsync<int>(fields[2], years.AsMemory());
        await group.ReadAsync<int>(fields[9], ongoing.AsMemory());
        Assert.Contains(2007, years);
        Assert.Contains(2008, years);
        for (var i = 0; i < years.Length; i++) Assert.Equal(years[i] == 2007 ? 0 : null, ongoing[i]);
    }
}
