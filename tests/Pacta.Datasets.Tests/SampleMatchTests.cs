using System.Globalization;
using System.Text;
using Pacta.Datasets.Atop;

namespace Pacta.Datasets.Tests;

/// <summary>The generators against ATOP's published 1815–1899 tables, cell for cell.</summary>
public class SampleMatchTests
{
    private static readonly YearRange Sample = new(1815, 1899);

    [Fact]
    public void Directed_dyad_years_1815_1899_equal_the_published_table()
    {
        var expected = ReadKeyed(Path.Combine(Paths.Samples, "ddyr_1815_1899.csv"), 3);
        var actual = AtopDatasets.Directed(Paths.Atop, Sample).ToDictionary(
            r => $"{r.Ccode1},{r.Ccode2},{r.Year}",
            r => $"{r.Defense},{r.Offense},{r.Neutral},{r.NonAgg},{r.Consul}");
        AssertSame(expected, actual, "ddyr");
        Assert.Equal(6252, actual.Count);
    }

    [Fact]
    public void State_years_1815_1899_equal_the_published_table()
    {
        var expected = ReadKeyed(Path.Combine(Paths.Samples, "sy_1815_1899.csv"), 2);
        var actual = new Dictionary<string, string>();
        foreach (var r in AtopDatasets.StateYears(Paths.Atop, Sample))
        {
            var ids = Enumerable.Range(0, 59).Select(i => i < r.AllianceIds.Count ? r.AllianceIds[i].ToString(CultureInfo.InvariantCulture) : "");
            var o = r.Obligations;
            actual[$"{r.State},{r.Year}"] = string.Join(',', new[]
            {
                "1", o.Bit(AllianceObligations.Defense).ToString(CultureInfo.InvariantCulture), o.Bit(AllianceObligations.Offense).ToString(CultureInfo.InvariantCulture),
                o.Bit(AllianceObligations.Neutrality).ToString(CultureInfo.InvariantCulture), o.Bit(AllianceObligations.NonAggression).ToString(CultureInfo.InvariantCulture),
                o.Bit(AllianceObligations.Consultation).ToString(CultureInfo.InvariantCulture), r.Number.ToString(CultureInfo.InvariantCulture), r.TransitionYear ? "1" : "0",
            }.Concat(ids).Append(Paths.Atop.Version));
        }
        AssertSame(expected, actual, "sy");
        Assert.Equal(1242, actual.Count);
    }

    [Fact]
    public void Undirected_rows_are_the_either_side_union_of_directed_rows()
    {
        var directed = AtopDatasets.Directed(Paths.Atop, Sample).ToDictionary(r => (r.Ccode1, r.Ccode2, r.Year), r => r.Obligations);
        var undirected = AtopDatasets.Undirected(Paths.Atop, Sample);
        Assert.Equal(directed.Count, undirected.Count * 2);
        foreach (var r in undirected)
        {
            Assert.True(r.Ccode1 < r.Ccode2);
            Assert.Equal(directed[(r.Ccode1, r.Ccode2, r.Year)] | directed[(r.Ccode2, r.Ccode1, r.Year)], r.Obligations);
        }
    }

    /// <summary>Rows keyed by their first <paramref name="keyColumns"/> fields, values the rest (CRLF tolerated).</summary>
    private static Dictionary<string, string> ReadKeyed(string path, int keyColumns) =>
        File.ReadAllLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.TrimEnd('\r').Split(','))
            .ToDictionary(f => string.Join(',', f.Take(keyColumns)), f => string.Join(',', f.Skip(keyColumns)));

    private static void AssertSame(Dictionary<string, string> expected, Dictionary<string, string> actual, string what)
    {
        var missing = expected.Keys.Where(k => !actual.ContainsKey(k)).ToList();
        var extra = actual.Keys.Where(k => !expected.ContainsKey(k)).ToList();
        var differing = expected.Keys.Where(k => actual.TryGetValue(k, out var v) && v != expected[k]).ToList();
        if (missing.Count + extra.Count + differing.Count == 0) return;
        var sb = new StringBuilder($"{what}: {differing.Count} differing, {missing.Count} missing, {extra.Count} extra\n");
        foreach (var k in differing.Take(20)) sb.AppendLine($"  differs {k}: expected {expected[k]} got {actual[k]}");
        foreach (var k in missing.Take(20)) sb.AppendLine($"  missing {k}: {expected[k]}");
        foreach (var k in extra.Take(20)) sb.AppendLine($"  extra {k}: {actual[k]}");
        Assert.Fail(sb.ToString());
    }
}
