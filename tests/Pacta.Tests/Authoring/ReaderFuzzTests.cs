using System.Diagnostics;
using System.Text;
using Pacta.Authoring.Diagnostics;
using Pacta.Tests.Support;
using Xunit.Abstractions;

namespace Pacta.Tests.Authoring;

/// <summary>
/// Feeds random mutations of real corpus files (bytes, lines, indentation, keys, values, truncation) to the reader
/// for a bounded time. Every outcome must be either a clean load or located diagnostics with known codes: never an
/// exception, never a hang. <c>PACTA_FUZZ_SECONDS</c> sets the time (default 5); the seed is printed, and
/// <c>PACTA_FUZZ_SEED</c> replays a run.
/// </summary>
public sealed class ReaderFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] Tokens =
        ["", "open", "null", "~", "[", "]", "{", "}", ":", "- ", "&a", "*a", "\"", "'", "2024-02-30", "9999-12-31", "0001-01-01", "P10Y", "P9000Y",
         "PT2147483647H", "P99999999999Y", "PTXH", "-1", "1e999", "RUS", "Korea", "any-member", "target", "region:nowhere", "UA-99", "\t", "    ", "#",
         "|", ">", "!!binary", "!!str", "%YAML 1.2", "---", "...", "\"\\e[31m\"", "\"\\u202E\"", "\"\\ud800\"", "same-as", "atop-3180", "usa-jpn-1960",
         "? ", "<<: {}", "{a: [b, {c: d}]}", new string('[', 80), "\u00e4", "\uFEFF"];

    private static readonly string[] Keys =
        ["id", "title", "form", "status", "dates", "parties", "provisions", "trigger", "obligations", "deadline", "duration", "related", "relation",
         "agreement", "state", "organization", "from", "to", "kinds", "target", "sources", "scope", "include", "suspended", "amounts", "conditions"];

    private static readonly byte[] Bytes = [0x00, 0x1B, 0x7F, 0x80, 0xC0, 0xC3, 0xE2, 0xED, 0xF0, 0xF8, 0xFE, 0xFF, (byte)'\n', (byte)'\r', (byte)'\t', (byte)':'];

    [Fact]
    public async Task Reader_RandomMutationsOfCorpusFiles_OnlyLocatedErrorsNeverExceptions()
    {
        var (_, seed, budget) = Pacta.TestSupport.FuzzRun.Start("YAML reader", 5, output);

        var files = Directory.EnumerateFiles(Repo.Path("corpus"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var codes = ErrorCodes.Catalogue.Select(c => c.Code).ToHashSet();
        var rng = new Random(seed);
        var dir = Directory.CreateTempSubdirectory("pacta-fuzz");
        var agreementsDir = Directory.CreateDirectory(Path.Combine(dir.FullName, "agreements"));
        var clock = Stopwatch.StartNew();
        var runs = 0;
        var clean = 0;
        try
        {
            while (clock.Elapsed < budget || runs < 50)
            {
                var source = files[rng.Next(files.Count)];
                var bytes = Mutated(File.ReadAllBytes(source), rng, out var recipe);
                var target = Path.Combine(agreementsDir.FullName, Path.GetFileName(source));
                File.WriteAllBytes(target, bytes);
                var context = $"seed {seed}, run {runs}, {Path.GetFileName(source)}: {recipe}";

                // A load that does not finish is a hang: reported with the seed instead of stalling the suite.
                var load = Task.Run(() => TestCorpus.Loader.Load([target], baseCorpusDir: Repo.Path("corpus")));
                if (await Task.WhenAny(load, Task.Delay(TimeSpan.FromSeconds(60))) != load) Assert.Fail($"the reader hung ({context})");
                Pacta.Authoring.LoadResult result;
                try
                {
                    result = await load;
                }
                catch (Exception e)
                {
                    Assert.Fail($"{e.GetType().Name}: {e.Message} ({context})");
                    throw;
                }
                foreach (var d in result.Diagnostics)
                {
                    Assert.True(d.Line >= 1 && d.Column >= 1, $"unlocated: {d} ({context})");
                    Assert.True(codes.Contains(d.Code), $"unknown code: {d} ({context})");
                    Assert.False(string.IsNullOrWhiteSpace(d.Message), $"{d} ({context})");
                }
                Assert.True(result.Diagnostics.Count == 0 == result.Corpus is not null, context);
                if (result.Ok) clean++;
                File.Delete(target);
                runs++;
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
        output.WriteLine($"{runs} mutated files, {clean} of them still valid");
        Assert.True(runs >= 50);
    }

    /// <summary>One to three mutations at the line level or the byte level; <paramref name="recipe"/> names them.</summary>
    private static byte[] Mutated(byte[] original, Random rng, out string recipe)
    {
        var steps = new List<string>();
        var bytes = original;
        for (var m = rng.Next(1, 4); m > 0; m--)
        {
            if (rng.Next(4) == 0)
            {
                bytes = MutateBytes(bytes, rng, out var what);
                steps.Add(what);
            }
            else
            {
                var lines = Encoding.UTF8.GetString(bytes).Split('\n').ToList();
                if (lines.Count == 0) continue;
                steps.Add(MutateLines(lines, rng));
                bytes = Encoding.UTF8.GetBytes(string.Join('\n', lines));
            }
        }
        recipe = string.Join("; ", steps);
        return bytes;
    }

    private static byte[] MutateBytes(byte[] bytes, Random rng, out string what)
    {
        var list = bytes.ToList();
        var i = list.Count == 0 ? 0 : rng.Next(list.Count);
        switch (rng.Next(4))
        {
            case 0:
                var b = Bytes[rng.Next(Bytes.Length)];
                list.Insert(i, b);
                what = $"insert byte 0x{b:X2} at {i}";
                break;
            case 1 when list.Count > 0:
                list[i] = (byte)rng.Next(256);
                what = $"set byte {i} to 0x{list[i]:X2}";
                break;
            case 2 when list.Count > 0:
                list[i] ^= (byte)(1 << rng.Next(8));
                what = $"flip a bit of byte {i}";
                break;
            default:
                list.RemoveRange(i, list.Count - i);
                what = $"truncate at byte {i}";
                break;
        }
        return [.. list];
    }

    private static string MutateLines(List<string> lines, Random rng)
    {
        var i = rng.Next(lines.Count);
        switch (rng.Next(10))
        {
            case 0:
                lines.RemoveAt(i);
                return $"delete line {i + 1}";
            case 1:
                lines.Insert(i, lines[rng.Next(lines.Count)]);
                return $"duplicate a line at {i + 1}";
            case 2:
                var j = rng.Next(lines.Count);
                (lines[i], lines[j]) = (lines[j], lines[i]);
                return $"swap lines {i + 1} and {j + 1}";
            case 3:
                var colon = lines[i].IndexOf(':');
                var token = Tokens[rng.Next(Tokens.Length)];
                lines[i] = colon >= 0 ? lines[i][..(colon + 1)] + " " + token : token;
                return $"value of line {i + 1} := {token}";
            case 4:
                var pos = rng.Next(lines[i].Length + 1);
                var t = Tokens[rng.Next(Tokens.Length)];
                lines[i] = lines[i].Insert(pos, t);
                return $"insert {t} in line {i + 1}";
            case 5:
                lines.RemoveRange(i, lines.Count - i);
                return $"truncate at line {i + 1}";
            case 6:
                var indent = rng.Next(-4, 5);
                var trimmed = lines[i].TrimStart(' ');
                var now = Math.Max(0, lines[i].Length - trimmed.Length + indent);
                lines[i] = new string(' ', now) + trimmed;
                return $"indent line {i + 1} by {indent}";
            case 7:
                var key = Keys[rng.Next(Keys.Length)];
                var c = lines[i].IndexOf(':');
                var lead = lines[i].Length - lines[i].TrimStart(' ', '-').Length;
                lines[i] = c > lead ? lines[i][..lead] + key + lines[i][c..] : lines[i] + $"\n{key}: x";
                return $"key of line {i + 1} := {key}";
            case 8:
                var line = lines[i];
                lines[i] = line.Length > 0 ? line.Remove(rng.Next(line.Length), 1) : "x";
                return $"delete a character of line {i + 1}";
            default:
                var n = rng.Next(1, 2000);
                lines.InsertRange(i, Enumerable.Repeat(lines[i], n));
                return $"repeat line {i + 1} {n} times";
        }
    }
}
