using System.Diagnostics;
using System.Globalization;
using System.Text;
using Pacta.Datasets.Atop;
using Xunit.Abstractions;

namespace Pacta.Datasets.Tests;

/// <summary>
/// The ATOP importer against mutated copies of the shipped release (data/atop), byte- and field-wise, for
/// <c>PACTA_FUZZ_SECONDS</c> (default 3): every release is refused whole with located errors, or accepted whole
/// (every row of both files present) and usable by the conversions every command runs — never an exception, a
/// hang or a partial release. The seed is printed; <c>PACTA_FUZZ_SEED</c> replays a run.
/// </summary>
public sealed class AtopImporterFuzzTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"pacta-atop-fuzz-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, true);
    }

    /// <summary>
    /// The shipped files cut to their first alliances (and those alliances' member rows), so that a run tries
    /// hundreds of releases; every few runs the whole release is used.
    /// </summary>
    private static readonly Lazy<(string[] A, string[] M, string[] FullA, string[] FullM)> Shipped = new(() =>
    {
        var a = File.ReadAllText(Path.Combine(Paths.AtopFolder, "atop5_1a.csv")).Split("\r\n").Where(l => l.Length > 0).ToArray();
        var m = File.ReadAllText(Path.Combine(Paths.AtopFolder, "atop5_1m.csv")).Split("\r\n").Where(l => l.Length > 0).ToArray();
        var ids = a.Skip(1).Take(60).Select(l => l.Split(',')[0]).ToHashSet();
        return ([a[0], .. a.Skip(1).Take(60)], [m[0], .. m.Skip(1).Where(l => ids.Contains(l.Split(',')[0]))], a, m);
    });

    private static readonly string[] Values =
    [
        "", " ", "-9", "-1", "0", "1", "2", "13", "32", "31", "29", "99999999999", "2147483647", "-2147483648", "1.5", "1e3", "abc",
        " 5 ", "\"", "\"1,2\"", "\"\"", "9999", "1000", "999", "10000", "0x10", "٣", "\u00a0", "\0", "NA", ".", "1;2",
    ];

    /// <summary>One damage to one file: a field, a row, the header, or raw bytes (quotes, separators, BOM, invalid UTF-8).</summary>
    private static byte[] Mutate(string[] lines, Random rng, out string what)
    {
        var rows = lines.ToList();
        var r = rng.Next(rows.Count);
        var fields = rows[r].Split(',');
        var f = rng.Next(fields.Length);
        switch (rng.Next(8))
        {
            case 0 or 1:
                fields[f] = Values[rng.Next(Values.Length)];
                rows[r] = string.Join(',', fields);
                what = $"line {r + 1} field {f + 1} = '{fields[f]}'";
                break;
            case 2:
                var other = rows[1 + rng.Next(rows.Count - 1)].Split(',');
                if (f < other.Length) fields[f] = other[f];
                rows[r] = string.Join(',', fields);
                what = $"line {r + 1} field {f + 1} from another row";
                break;
            case 3:
                var l = rows[r];
                rows.RemoveAt(r);
                rows.Insert(rng.Next(rows.Count + 1), rng.Next(2) == 0 ? l : l + "\r\n" + l);
                what = $"line {r + 1} moved or doubled";
                break;
            case 4:
                rows.RemoveAt(r);
                what = $"line {r + 1} removed";
                break;
            case 5:
                rows[r] = string.Join(',', fields.Where((_, i) => i != f).Concat(rng.Next(2) == 0 ? [] : new[] { "1", "2" }));
                what = $"line {r + 1}: field {f + 1} dropped, maybe two added";
                break;
            default:
                var bytes = Encoding.UTF8.GetBytes(string.Join("\r\n", rows) + "\r\n").ToList();
                var n = rng.Next(1, 6);
                var sb = new StringBuilder();
                for (var i = 0; i < n; i++)
                {
                    var at = rng.Next(bytes.Count);
                    byte[] pool = [(byte)'"', (byte)',', (byte)'\n', (byte)'\r', 0, 0xEF, 0xBB, 0xBF, 0xFF, 0xC3, (byte)'-', (byte)'9', (byte)rng.Next(256)];
                    var v = pool[rng.Next(pool.Length)];
                    switch (rng.Next(3))
                    {
                        case 0: bytes[at] = v; break;
                        case 1: bytes.Insert(at, v); break;
                        default: bytes.RemoveAt(at); break;
                    }
                    sb.Append(CultureInfo.InvariantCulture, $" byte {v:x2} at {at}");
                }
                what = "bytes:" + sb;
                return [.. bytes];
        }
        return Encoding.UTF8.GetBytes(string.Join("\r\n", rows) + "\r\n");
    }

    /// <summary>Data rows as the importer counts them (non-blank lines after the header), when no quotes make a row span lines.</summary>
    private static int? Rows(byte[] file)
    {
        var text = Encoding.UTF8.GetString(file);
        if (text.Contains('"')) return null;
        return text.Split('\n').Count(l => l.TrimEnd('\r').Length > 0) - 1;
    }

    [Fact]
    public void Every_mutated_release_is_refused_whole_with_located_errors_or_accepted_whole()
    {
        var (_, seed, budget) = Pacta.TestSupport.FuzzRun.Start("ATOP importer", 3, output);
        var rng = new Random(seed);
        var (a, m, fullA, fullM) = Shipped.Value;
        var clock = Stopwatch.StartNew();
        int runs = 0, accepted = 0;
        do
        {
            var folder = Path.Combine(_dir, $"run{runs}");
            Directory.CreateDirectory(folder);
            var whole = runs % 25 == 24;
            var (aLines, mLines) = whole ? (fullA, fullM) : (a, m);
            var aFile = Path.Combine(folder, "atop5_1a.csv");
            var mFile = Path.Combine(folder, "atop5_1m.csv");
            var which = rng.Next(3);
            string whatA = "", whatM = "";
            var aBytes = which != 1 ? Mutate(aLines, rng, out whatA) : Encoding.UTF8.GetBytes(string.Join("\r\n", aLines) + "\r\n");
            var mBytes = which != 0 ? Mutate(mLines, rng, out whatM) : Encoding.UTF8.GetBytes(string.Join("\r\n", mLines) + "\r\n");
            File.WriteAllBytes(aFile, aBytes);
            File.WriteAllBytes(mFile, mBytes);
            var context = $"seed {seed}, run {runs}{(whole ? " (whole release)" : "")}: alliance file [{whatA}] member file [{whatM}]";

            AtopImportResult result;
            try
            {
                result = AtopImporter.ImportFolder(folder);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"{context}: {e.GetType().Name} escaped: {e.Message}");
            }
            if (result.Ok)
            {
                accepted++;
                var release = result.Release!;
                Assert.Empty(result.Errors);
                if (Rows(aBytes) is { } ar) Assert.True(ar == release.Alliances.Count, $"{context}: {release.Alliances.Count} alliances of {ar} rows");
                if (Rows(mBytes) is { } mr) Assert.True(mr == release.Alliances.Sum(x => x.Members.Count), $"{context}: member rows missing");
                try
                {
                    _ = AtopToAgreements.Convert(release);
                    _ = AtopToAlliances.Convert(release);
                }
                catch (Exception e)
                {
                    throw new Xunit.Sdk.XunitException($"{context}: accepted, then {e.GetType().Name} in conversion: {e.Message}");
                }
            }
            else
            {
                Assert.True(result.Release is null, context);
                Assert.NotEmpty(result.Errors);
                foreach (var e in result.Errors)
                {
                    Assert.True(e.File == aFile || e.File == mFile, $"{context}: error not in a release file: {e}");
                    Assert.True(e.Line >= 1 && e.Column >= 1, $"{context}: error without line and column: {e}");
                    Assert.True(e.Code.StartsWith("atop-", StringComparison.Ordinal) && e.Message.Length > 0, $"{context}: {e}");
                }
            }
            Directory.Delete(folder, true);
            runs++;
        }
        while (clock.Elapsed < budget);
        output.WriteLine($"{runs} mutated releases, {accepted} accepted");
    }
}
