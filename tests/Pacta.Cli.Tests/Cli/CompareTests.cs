using Pacta.Tests.Support;

namespace Pacta.Tests.Cli;

/// <summary>"How close is the Kyiv Security Compact to Article 5?" — dimension by dimension, through the CLI.</summary>
public sealed class CompareTests
{
    [Fact]
    public void Compare_KscAgainstNato_WeakerOnBindingnessReciprocity_StrongerOnDeadline()
    {
        var r = PactaCli.Run("compare", "north-atlantic-treaty-1949", "kyiv-security-compact-2022", "budapest-memorandum-1994", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Equal("north-atlantic-treaty-1949", (string?)r.Json["reference"]);
        var dims = r.Json["dimensions"]!.AsArray().ToDictionary(d => (string)d!["dimension"]!, d => d!["values"]!.AsArray());
        string Verdict(string dim, int i) => (string)dims[dim][i]!["verdict"]!;
        string Text(string dim, int i) => (string)dims[dim][i]!["text"]!;

        // The Compact is a proposal: no legal force; the Treaty is legal.
        Assert.Equal("legal", Text("bindingness", 0));
        Assert.Equal("weaker", Verdict("bindingness", 1));
        // Art. 5: "such action as it deems necessary" (discretionary); the Compact's expanded commitments "to use all
        // elements of their national and collective strength", decided in consultations, are discretionary as well.
        Assert.Equal("discretionary", Text("strength", 0));
        Assert.Equal("discretionary", Text("strength", 1));
        // The Compact sets 24 h / 72 h; Art. 5 sets no hours.
        Assert.Equal("stronger", Verdict("deadline", 1));
        Assert.Equal("24 h to meet, 72 h to decide", Text("deadline", 1));
        // Art. 5 protects every member; the Compact and Budapest protect Ukraine only.
        Assert.Equal("weaker", Verdict("reciprocity", 1));
        Assert.Equal("weaker", Verdict("reciprocity", 2));
        Assert.Contains("defense", Text("ATOP-style codes", 0));
        Assert.DoesNotContain("defense", Text("ATOP-style codes", 1));
        Assert.Equal(11, dims.Count);
    }

    [Fact]
    public void Compare_PlainText_OneRowPerDimension()
    {
        var r = PactaCli.Run("compare", "north-atlantic-treaty-1949", "kyiv-security-compact-2022");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("none (a proposal) — weaker", r.Stdout);
    }

    [Fact]
    public void Compare_WritesSvgChart()
    {
        var file = Path.Combine(Path.GetTempPath(), $"pacta-compare-{Guid.NewGuid():N}.svg");
        var r = PactaCli.Run("compare", "north-atlantic-treaty-1949", "kyiv-security-compact-2022", "--format", "svg", "--out", file);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("<svg", File.ReadAllText(file)[..200]);
        File.Delete(file);
    }

    [Fact]
    public void WhatIfTimeline_ListsConveneThenDecide_AndDrawsPng()
    {
        var file = Path.Combine(Path.GetTempPath(), $"pacta-timeline-{Guid.NewGuid():N}.png");
        string[] args = ["what-if", "--attacker", "RUS", "--target", "UKR", "--date", "2027-03-01", "--location", "UA-63",
            "--assume-ceasefire", "2026-01-01", "--assume-adopted", "kyiv-security-compact-2022", "--timeline"];
        var r = PactaCli.Run(args);
        Assert.True(r.ExitCode == 0, r.Stderr);
        // The chart is written with standard output naming the file only.
        var png = PactaCli.Run([.. args, "--format", "png", "--out", file]);
        Assert.True(png.ExitCode == 0, png.Stderr);
        Assert.Equal($"wrote {file}", png.Stdout.Trim());
        var convene = r.Stdout.IndexOf("2027-03-02 00:00 UTC  (+24 h)", StringComparison.Ordinal);
        var decide = r.Stdout.IndexOf("2027-03-04 00:00 UTC  (+72 h)", StringComparison.Ordinal);
        Assert.True(convene >= 0 && decide > convene, r.Stdout);
        var bytes = File.ReadAllBytes(file);
        Assert.Equal(0x89, bytes[0]);
        Assert.Equal((byte)'P', bytes[1]);
        File.Delete(file);
    }
}
