using System.Diagnostics;
using Pacta.Authoring.Diagnostics;
using Pacta.Tests.Support;

namespace Pacta.Tests.Authoring;

/// <summary>
/// Feeds random mutations of real corpus files to the reader for a bounded time. Every outcome must be
/// either a clean load or located diagnostics with known codes: never an exception.
/// </summary>
public sealed class ReaderFuzzTests
{
    private static readonly string[] Tokens =
        ["", "open", "null", "~", "[", "]", "{", "}", ":", "- ", "&a", "*a", "\"", "'", "2024-02-30", "P10Y", "PTXH", "-1", "1e999",
         "RUS", "Korea", "any-member", "target", "region:nowhere", "UA-99", "\t", "    ", "#", "|", ">", "!!binary", "%YAML 1.2", "---", "..."];

    [Fact]
    public void Reader_RandomMutationsOfCorpusFiles_OnlyLocatedErrorsNeverExceptions()
    {
        var files = Directory.EnumerateFiles(Repo.Path("corpus"), "*.yaml", SearchOption.AllDirectories).Order().ToList();
        var codes = ErrorCodes.Catalogue.Select(c => c.Code).ToHashSet();
        var rng = new Random(20261126);
        var dir = Directory.CreateTempSubdirectory("pacta-fuzz");
        var agreementsDir = Directory.CreateDirectory(Path.Combine(dir.FullName, "agreements"));
        var clock = Stopwatch.StartNew();
        var runs = 0;
        try
        {
            while (clock.Elapsed < TimeSpan.FromSeconds(8) || runs < 50)
            {
                var source = files[rng.Next(files.Count)];
                var lines = File.ReadAllLines(source).ToList();
                for (var m = rng.Next(1, 4); m > 0 && lines.Count > 0; m--) Mutate(lines, rng);
                var target = Path.Combine(agreementsDir.FullName, Path.GetFileName(source));
                File.WriteAllText(target, string.Join('\n', lines));
                var result = TestCorpus.Loader.Load([target], baseCorpusDir: Repo.Path("corpus"));
                foreach (var d in result.Diagnostics)
                {
                    Assert.True(d.Line >= 1 && d.Column >= 1, $"unlocated: {d}");
                    Assert.Contains(d.Code, codes);
                    Assert.False(string.IsNullOrWhiteSpace(d.Message), d.ToString());
                }
                Assert.Equal(result.Diagnostics.Count == 0, result.Corpus is not null);
                File.Delete(target);
                runs++;
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
        Assert.True(runs >= 50);
    }

    private static void Mutate(List<string> lines, Random rng)
    {
        var i = rng.Next(lines.Count);
        switch (rng.Next(7))
        {
            case 0: lines.RemoveAt(i); break;
            case 1: lines.Insert(i, lines[rng.Next(lines.Count)]); break;
            case 2: (lines[i], lines[^1]) = (lines[^1], lines[i]); break;
            case 3:
                var colon = lines[i].IndexOf(':');
                lines[i] = colon >= 0 ? lines[i][..(colon + 1)] + " " + Tokens[rng.Next(Tokens.Length)] : Tokens[rng.Next(Tokens.Length)];
                break;
            case 4:
                var pos = rng.Next(lines[i].Length + 1);
                lines[i] = lines[i].Insert(pos, Tokens[rng.Next(Tokens.Length)]);
                break;
            case 5: lines.RemoveRange(i, lines.Count - i); break;
            default:
                var line = lines[i];
                lines[i] = line.Length > 0 ? line.Remove(rng.Next(line.Length), 1) : "x";
                break;
        }
    }
}
