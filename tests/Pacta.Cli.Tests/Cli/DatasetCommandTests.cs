using Pacta.Datasets;
using Pacta.Tests.Support;
using Parquet;

namespace Pacta.Tests.Cli;

/// <summary>dyads, state-years and import atop through the real executable.</summary>
public sealed class DatasetCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pacta-datasets-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string[] Lines(string text) => text.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');

    /// <summary>Rows of a dyad CSV keyed "ccode1,ccode2,year", values the rest (obligations and source).</summary>
    private static Dictionary<string, string[]> Keyed(string csv) =>
        Lines(csv).Skip(1).Select(l => l.Split(',')).ToDictionary(f => string.Join(',', f.Take(3)), f => f.Skip(3).ToArray());

    [Fact]
    public void Dyads_directed_1815_1899_equal_ATOPs_published_table_row_for_row()
    {
        var r = PactaCli.Run("dyads", "--directed", "--from", "1815", "--to", "1899", "--format", "csv");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var produced = Lines(r.Stdout);
        var published = Lines(File.ReadAllText(Repo.Fixture("atop-5.1-samples", "ddyr_1815_1899.csv")));
        Assert.Equal(published[0] + ",source", produced[0]);
        Assert.Equal(published.Length, produced.Length);
        for (var i = 1; i < produced.Length; i++)
        {
            Assert.EndsWith(",atop", produced[i]);
            Assert.Equal(published[i], produced[i][..^",atop".Length]);
        }
    }

    [Theory]
    [InlineData("--directed")]
    [InlineData("--undirected")]
    public void All_pairs_row_count_equals_AllPairs_Count(string direction)
    {
        var file = Path.Combine(_dir, "all.csv");
        var r = PactaCli.Run("dyads", direction, "--all-pairs", "--from", "1990", "--to", "2024", "--out", file);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var rows = File.ReadLines(file).Count() - 1;
        Assert.Equal(AllPairs.Count(TestCorpus.States.All, new YearRange(1990, 2024), direction == "--directed"), rows);
        Assert.Contains($"wrote {rows:N0}", r.Stdout);
    }

    [Fact]
    public void After_2018_NATO_enlargement_comes_from_Pactas_encoding()
    {
        var file = Path.Combine(_dir, "modern.csv");
        var r = PactaCli.Run("dyads", "--directed", "--all-pairs", "--from", "2010", "--to", "2025", "--out", file);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var rows = Keyed(File.ReadAllText(file));
        // Columns after the key: defense, offense, neutral, nonagg, consul, source.
        Assert.Equal("0", rows["2,380,2023"][0]);
        Assert.Equal("1", rows["2,380,2024"][0]);
        // NATO is Pacta's encoding; the Helsinki Final Act (ATOP 3740) the pair also shares is reviewed, so the row is pacta.
        Assert.Equal("pacta", rows["2,380,2024"][5]);
        Assert.Equal("1", rows["375,2,2023"][0]);
        Assert.Equal("0", rows["375,2,2022"][0]);
        Assert.Equal("1", rows["200,220,2025"][0]);
        Assert.All(rows.Where(kv => int.Parse(kv.Key.Split(',')[2]) <= 2018), kv => Assert.Equal("atop", kv.Value[5]));
        Assert.Contains(rows.Values, v => v[5] == "pacta");
        // Pairs without any alliance after 2018 are 0 and rest on no assumption: nothing unreviewed binds them.
        Assert.Equal(["0", "0", "0", "0", "0", "atop-reviewed"], rows["2,402,2025"]);
        Assert.Equal(["1", "0", "0", "0", "0", "pacta"], rows["900,947,2024"]);
        Assert.Equal(["1", "0", "0", "1", "1", "atop-reviewed"], rows["2,93,2023"]);
    }

    [Fact]
    public void Dyads_only_rows_without_all_pairs_share_an_alliance()
    {
        var r = PactaCli.Run("dyads", "--undirected", "--from", "2019", "--to", "2025");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var rows = Keyed(r.Stdout);
        Assert.All(rows.Keys, k => Assert.True(int.Parse(k.Split(',')[0]) < int.Parse(k.Split(',')[1])));
        Assert.False(rows.ContainsKey("2,380,2023") && rows["2,380,2023"][0] == "1");
        Assert.Equal("1", rows["2,380,2024"][0]);
    }

    [Fact]
    public async Task Parquet_output_is_readable_with_Parquet_Net()
    {
        var file = Path.Combine(_dir, "d.parquet");
        var r = PactaCli.Run("dyads", "--undirected", "--from", "2016", "--to", "2025", "--format", "parquet", "--out", file);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var csv = PactaCli.Run("dyads", "--undirected", "--from", "2016", "--to", "2025");
        var expected = Lines(csv.Stdout).Skip(1).ToList();
        await using var stream = File.OpenRead(file);
        await using var reader = await ParquetReader.CreateAsync(stream);
        var fields = reader.Schema.GetDataFields();
        Assert.Equal(["ccode1", "ccode2", "year", "atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul", "source"],
            fields.Select(f => f.Name).ToArray());
        var columns = fields.Select(_ => new List<string>()).ToArray();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            for (var c = 0; c < fields.Length - 1; c++)
            {
                var ints = new int[group.RowCount];
                await group.ReadAsync<int>(fields[c], ints.AsMemory());
                columns[c].AddRange(ints.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
            var sources = new string?[group.RowCount];
            await group.ReadAsync(fields[^1], sources.AsMemory());
            columns[^1].AddRange(sources.Select(v => v ?? ""));
        }
        var actual = Enumerable.Range(0, columns[0].Count).Select(i => string.Join(',', columns.Select(c => c[i]))).ToList();
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("--from", "2000", "--to", "1990")]
    [InlineData("--from", "1800", "--to", "1820")]
    [InlineData("--all-pairs", "--from", "1815", "--to", "1820")]
    [InlineData("--from", "1990", "--to", "3000")]
    [InlineData("--format", "xlsx")]
    public void Bad_input_is_one_line_exit_1_and_leaves_no_file(params string[] extra)
    {
        var file = Path.Combine(_dir, "out.csv");
        var r = PactaCli.Run(["dyads", "--directed", .. extra, "--out", file]);
        Assert.Equal(1, r.ExitCode);
        Assert.Single(Lines(r.Stderr));
        Assert.StartsWith("pacta: error: ", r.Stderr);
        Assert.Empty(Directory.GetFileSystemEntries(_dir));
    }

    [Fact]
    public void Unwritable_path_is_one_line_exit_1()
    {
        var r = PactaCli.Run("dyads", "--directed", "--from", "1900", "--to", "1910", "--out", Path.Combine(_dir, "missing", "x.csv"));
        Assert.Equal(1, r.ExitCode);
        Assert.Single(Lines(r.Stderr));
        Assert.Empty(Directory.GetFileSystemEntries(_dir));
    }

    [Fact]
    public void State_years_1815_1899_equal_ATOPs_published_table()
    {
        var file = Path.Combine(_dir, "sy.csv");
        var r = PactaCli.Run("state-years", "--from", "1815", "--to", "1899", "--out", file);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal(File.ReadAllText(Repo.Fixture("atop-5.1-samples", "sy_1815_1899.csv")).Replace("\r\n", "\n"), File.ReadAllText(file));
        var late = PactaCli.Run("state-years", "--from", "2000", "--to", "2099", "--out", file + "2");
        Assert.Equal(1, late.ExitCode);
        Assert.False(File.Exists(file + "2"));
    }

    [Fact]
    public void State_years_continue_past_2018_with_the_review_and_Pactas_codings()
    {
        var file = Path.Combine(_dir, "sy-late.csv");
        var r = PactaCli.Run("state-years", "--from", "2017", "--to", "2025", "--out", file);
        Assert.True(r.ExitCode == 0, r.Stderr);
        // Columns: state, year, atopally, defense, offense, neutral, nonagg, consul, number, transyr, atopid1…
        var rows = Lines(File.ReadAllText(file)).Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[0] + "," + f[1]);
        var years = rows.Keys.Select(k => int.Parse(k.Split(',')[1])).ToHashSet();
        Assert.Equal(Enumerable.Range(2017, 9), years.Order());
        // Nicaragua leaves the OAS Charter (3150) on 2023-11-19: a transition in 2023, not a member in 2024.
        Assert.Contains("3150", rows["93,2023"][10..]);
        Assert.Equal("1", rows["93,2023"][9]);
        Assert.DoesNotContain("3150", rows["93,2024"][10..]);
        // Russia–Ukraine 1997 (4875) ends on 2019-03-31.
        Assert.Contains("4875", rows["369,2019"][10..]);
        Assert.DoesNotContain("4875", rows["369,2020"][10..]);
        // Pakistan's defence promise to Saudi Arabia (sau-pak-2025) from 2025, under an id of Pacta's own range.
        Assert.Equal("0", rows["770,2024"][3]);
        Assert.Equal("1", rows["770,2025"][3]);
        Assert.Contains(rows["770,2025"][10..], id => id.Length > 0 && int.Parse(id) >= 900_001);
        // The rows are sorted by state, then year.
        var keys = Lines(File.ReadAllText(file)).Skip(1).Select(l => l.Split(',')).Select(f => (int.Parse(f[0]), int.Parse(f[1]))).ToList();
        Assert.Equal(keys.Order(), keys);
    }

    [Fact]
    public void Export_atop_extension_writes_both_files_in_ATOPs_layout_and_refuses_a_file_as_folder()
    {
        var dir = Path.Combine(_dir, "ext");
        var r = PactaCli.Run("export", "atop-extension", "--out", dir);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var members = File.ReadAllLines(Path.Combine(dir, "atop-extension_m.csv"));
        var alliances = File.ReadAllLines(Path.Combine(dir, "atop-extension_a.csv"));
        Assert.Equal(File.ReadLines(Repo.Path("data", "atop", "atop5_1m.csv")).First(), members[0]);
        Assert.Equal(File.ReadLines(Repo.Path("data", "atop", "atop5_1a.csv")).First(), alliances[0]);
        Assert.Contains(members, l => l.StartsWith("9000", StringComparison.Ordinal) && l.Contains(",,,670,1,2025,9,17,0,0,0,1,", StringComparison.Ordinal));
        Assert.Empty(Directory.GetFiles(dir, "*.tmp"));
        var file = Path.Combine(_dir, "plain.txt");
        File.WriteAllText(file, "x");
        var bad = PactaCli.Run("export", "atop-extension", "--out", file);
        Assert.Equal(1, bad.ExitCode);
        Assert.Single(Lines(bad.Stderr));
    }

    [Fact]
    public void Dyads_after_2018_follow_the_review_and_mark_each_source()
    {
        var r = PactaCli.Run("dyads", "--directed", "--from", "2018", "--to", "2025", "--format", "csv");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var rows = Keyed(r.Stdout);
        // Columns after the key: defense, offense, neutral, nonagg, consul, source.
        // Russia–Ukraine 1997 (4875) expired on 2019-03-31: consultation counts in 2019 (ATOP's year rule), not after.
        Assert.Equal("1", rows["365,369,2019"][4]);
        Assert.Equal("0", rows["365,369,2020"][4]);
        Assert.Equal("0", rows["369,365,2025"][4]);
        // Nicaragua left the OAS Charter (3150) on 2023-11-19.
        Assert.Equal("1", rows["2,93,2023"][0]);
        Assert.False(rows.ContainsKey("2,93,2024"));
        Assert.False(rows.ContainsKey("93,2,2025"));
        // Saudi Arabia–Pakistan, 2025-09-17.
        Assert.Equal("0", rows["670,770,2024"][0]);
        Assert.Equal("1", rows["670,770,2025"][0]);
        Assert.Equal("1", rows["770,670,2025"][0]);
        // Falepili Union: Australia owes Tuvalu, not the reverse; no row before it enters into force (2024-08-28).
        Assert.False(rows.ContainsKey("900,947,2023"));
        Assert.Equal(["1", "0", "0", "0", "0", "pacta"], rows["900,947,2024"]);
        Assert.Equal(["0", "0", "0", "0", "0", "pacta"], rows["947,900,2025"]);
        // The source column: ATOP's own years, reviewed continuations, Pacta's codings; the review covers every
        // alliance open at the end of 2018, so no row rests on an unreviewed one.
        Assert.Equal("atop", rows["2,93,2018"][5]);
        Assert.Equal("atop-reviewed", rows["2,93,2020"][5]);
        Assert.Equal("atop-reviewed", rows["365,369,2020"][5]);
        Assert.Equal(["atop", "atop-reviewed", "pacta"], rows.Values.Select(v => v[5]).Distinct().Order());
    }

    [Fact]
    public void Import_atop_of_a_broken_copy_reports_located_errors_and_copies_nothing_then_a_good_one_is_used_until_reset()
    {
        var data = Path.Combine(_dir, "userdata");
        var env = new Dictionary<string, string> { ["PACTA_DATA_DIR"] = data };
        var release = Path.Combine(_dir, "release");
        Directory.CreateDirectory(release);
        foreach (var f in Directory.GetFiles(Repo.Path("data", "atop"))) File.Copy(f, Path.Combine(release, Path.GetFileName(f)));
        var members = Path.Combine(release, "atop5_1m.csv");
        var lines = File.ReadAllText(members).Split("\r\n");
        var fields = lines[1].Split(',');
        fields[6] = "13"; // moent: month 13
        lines[1] = string.Join(',', fields);
        File.WriteAllText(members, string.Join("\r\n", lines));

        var broken = PactaCli.RunWithEnvironment(env, "import", "atop", release);
        Assert.Equal(1, broken.ExitCode);
        Assert.Matches(@"atop5_1m\.csv:2:7: error atop-bad-date: ", Lines(broken.Stderr)[0]);
        Assert.False(Directory.Exists(Path.Combine(data, "atop")));

        File.Copy(Repo.Path("data", "atop", "atop5_1m.csv"), members, overwrite: true);
        var good = PactaCli.RunWithEnvironment(env, "import", "atop", release);
        Assert.True(good.ExitCode == 0, good.Stderr);
        var installed = Path.Combine(data, "atop", File.ReadAllText(Path.Combine(data, "atop", "current")).Trim());
        Assert.True(File.Exists(Path.Combine(installed, "atop5_1m.csv")));
        Assert.True(File.Exists(Path.Combine(installed, "atop5_1a.csv")));
        Assert.DoesNotContain(Directory.GetDirectories(data), d => Path.GetFileName(d) != "atop");

        var used = PactaCli.RunWithEnvironment(env, "dyads", "--directed", "--from", "1815", "--to", "1820");
        Assert.True(used.ExitCode == 0, used.Stderr);
        // Later runs read the imported copy: spoil it and they fail, naming it.
        File.WriteAllText(Path.Combine(installed, "atop5_1m.csv"), "atopid\n");
        var spoiled = PactaCli.RunWithEnvironment(env, "dyads", "--directed", "--from", "1815", "--to", "1820");
        Assert.Equal(1, spoiled.ExitCode);
        Assert.Contains("$PACTA_DATA_DIR/atop/" + Path.GetFileName(installed), spoiled.Stderr);

        var reset = PactaCli.RunWithEnvironment(env, "import", "atop", "--reset");
        Assert.True(reset.ExitCode == 0, reset.Stderr);
        Assert.False(Directory.Exists(Path.Combine(data, "atop")));
    }
}
