using System.Diagnostics;
using Pacta.Authoring;
using Pacta.Tests.Support;

namespace Pacta.Tests.Authoring;

/// <summary>
/// Hostile input files (issue 11, rows 5, 6 and 11): devices, FIFOs, huge files, bad encodings, control characters,
/// out-of-range durations and same-as misuse each give one located error, never a hang or an exception.
/// </summary>
public sealed class InputFileTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("pacta-input");
    private readonly string _valid = File.ReadAllText(Repo.Path("tests", "fixtures", "valid", "test-pact-2020.yaml"));

    public void Dispose() => _dir.Delete(recursive: true);

    private string Agreement(string text, string id = "test-pact-2020")
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir.FullName, "agreements"));
        var path = Path.Combine(folder.FullName, id + ".yaml");
        File.WriteAllText(path, text.Replace("id: test-pact-2020", "id: " + id));
        return path;
    }

    private static LoadResult Check(string path) => TestCorpus.Loader.Load([path], baseCorpusDir: Repo.Path("corpus"));

    private static string Only(LoadResult r) => Assert.Single(r.Diagnostics).ToString();

    [Fact]
    public void Check_DevZero_IsNotARegularFileAndIsNotRead()
    {
        Assert.Equal("/dev/zero:1:1: error PACTA008: not a regular file (a FIFO, device or socket is not read as an input file)", Only(Check("/dev/zero")));
    }

    [Fact]
    public void Check_LinkToDevZeroInAFolder_IsRefusedNotRead()
    {
        var link = Path.Combine(_dir.FullName, "zero.yaml");
        File.CreateSymbolicLink(link, "/dev/zero");
        var d = Assert.Single(Check(_dir.FullName).Diagnostics);
        Assert.Equal(("PACTA008", link), (d.Code, d.File));
    }

    [Fact]
    public async Task Check_Fifo_IsRefusedWithoutWaitingForAWriter()
    {
        var fifo = Path.Combine(_dir.FullName, "pipe.yaml");
        using (var p = Process.Start("mkfifo", [fifo])) await p.WaitForExitAsync();
        var check = Task.Run(() => Check(fifo));
        Assert.True(await Task.WhenAny(check, Task.Delay(TimeSpan.FromSeconds(60))) == check, "check blocked on the FIFO");
        Assert.Equal($"{fifo}:1:1: error PACTA008: not a regular file (a FIFO, device or socket is not read as an input file)", Only(await check));
    }

    [Fact]
    public void Check_FileOverOneMebibyte_IsRefusedWithItsSize()
    {
        var path = Agreement(_valid + "notes:\n" + string.Concat(Enumerable.Repeat("  - padding padding padding padding padding padding\n", 25_000)));
        Assert.Equal($"{path}:1:1: error PACTA065: the file is larger than the 1 MiB an input file may hold ({new FileInfo(path).Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} bytes)",
            Only(Check(path)));
    }

    [Fact]
    public void Check_InvalidUtf8OnALaterLine_IsLocatedAtTheFirstBadByte()
    {
        var path = Agreement(_valid);
        var bytes = File.ReadAllBytes(path).ToList();
        var at = System.Text.Encoding.UTF8.GetString([.. bytes]).IndexOf("supports: everything", StringComparison.Ordinal);
        bytes.Insert(at + 3, 0xC3); // a lead byte followed by an ASCII byte
        File.WriteAllBytes(path, [.. bytes]);
        var d = Assert.Single(Check(path).Diagnostics);
        Assert.Equal(("PACTA064", 24, 8), (d.Code, d.Line, d.Column));
    }

    [Fact]
    public void Check_RawEscapeInAPlainValue_IsAControlCharacterError()
    {
        var path = Agreement(_valid.Replace("action: Assist", "action: \u001b]0;owned\u0007 Assist"));
        var d = Assert.Single(Check(path).Diagnostics);
        Assert.Equal("PACTA066", d.Code);
    }

    [Fact]
    public void Check_BidiOverrideInAQuotedValue_IsAControlCharacterError()
    {
        var path = Agreement(_valid.Replace("title: Test Pact between Estonia and Latvia", "title: \"Test Pact \\u202E aivtaL\""));
        Assert.Equal($"{path}:2:8: error PACTA066: the text holds the control character U+202E; write it out in words or remove it", Only(Check(path)));
    }

    [Fact]
    public void Check_DeadlineOfNineThousandYears_IsLocatedOutOfRange()
    {
        var path = Agreement(_valid.Replace("deadline: PT24H", "deadline: P9000Y"));
        Assert.Equal($"{path}:43:19: error PACTA062: 'deadline' P9000Y is longer than 1000 years", Only(Check(path)));
    }

    [Fact]
    public void Check_DeadlineOfMillionsOfHours_IsLocatedOutOfRange()
    {
        var path = Agreement(_valid.Replace("deadline: PT24H", "deadline: PT2147483647H"));
        Assert.Equal("PACTA062", Assert.Single(Check(path).Diagnostics).Code);
    }

    [Fact]
    public void Check_DurationEndingAfterTheYear9999_IsLocatedOutOfRange()
    {
        var path = Agreement(_valid.Replace("signed: 2020-01-15", "signed: 9995-01-15").Replace("in_force: 2020-02-01", "in_force: 9995-02-01")
            .Replace("from: 2020-02-01", "from: 9995-02-01"));
        Assert.Equal($"{path}:10:13: error PACTA062: in_force 9995-02-01 + duration P10Y ends after 9999-12-31", Only(Check(path)));
    }

    [Fact]
    public void Check_SameAsNamingAHandEncodedAgreement_IsLocated()
    {
        var path = Agreement(_valid.Replace("bindingness: legal\n", "bindingness: legal\nrelated:\n  - agreement: usa-jpn-1960\n    relation: same-as\n"));
        Assert.Equal($"{path}:7:16: error PACTA063: 'same-as' names the hand-encoded agreement 'usa-jpn-1960'; it may only name an imported ATOP alliance (atop-ID)",
            Only(Check(path)));
        // The same relation naming an imported ATOP alliance is what same-as is for.
        var atop = Agreement(_valid.Replace("bindingness: legal\n", "bindingness: legal\nrelated:\n  - agreement: atop-3375\n    relation: same-as\n"));
        Assert.Empty(Check(atop).Diagnostics);
    }

    [Fact]
    public void Check_BundledCorpusWithAFileNamingItselfSameAs_IsRefused()
    {
        var copy = Path.Combine(_dir.FullName, "corpus");
        foreach (var f in Directory.EnumerateFiles(Repo.Path("corpus"), "*.yaml", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(Repo.Path("corpus"), f));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(f, target);
        }
        var jpn = Path.Combine(copy, "agreements", "usa-jpn-1960.yaml");
        File.WriteAllText(jpn, File.ReadAllText(jpn).Replace("agreement: atop-3375", "agreement: usa-jpn-1960"));
        var d = Assert.Single(TestCorpus.Loader.LoadDirectory(copy).Diagnostics);
        Assert.Equal(("PACTA063", "'same-as' names the agreement itself; it may only name an imported ATOP alliance (atop-ID)"), (d.Code, d.Message));
    }

    // Found by ReaderFuzzTests: each escaped the reader as an exception, or dropped part of a file silently.

    [Fact]
    public void Check_TagThatIsNotAUri_IsALocatedSyntaxError()
    {
        var path = Agreement(_valid.Replace("title: Test Pact between Estonia and Latvia", "title: !<:> Test Pact"));
        Assert.Equal($"{path}:2:6: error PACTA001: Global tags must be valid URIs.", Only(Check(path)));
    }

    [Fact]
    public void Check_NullAgreementId_IsAnEmptyValueError()
    {
        var path = Agreement(_valid.Replace("id: test-pact-2020", "id: ~"));
        Assert.Equal($"{path}:1:5: error PACTA006: 'id' must not be empty", Only(Check(path)));
    }

    [Fact]
    public void Check_NullProvisionId_IsAnEmptyValueErrorNotADroppedProvision()
    {
        var path = Agreement(_valid.Replace("  - id: art-1", "  - id: ~"));
        var d = Assert.Single(Check(path).Diagnostics);
        Assert.Equal(("PACTA006", "'id' must not be empty"), (d.Code, d.Message));
    }

    [Fact]
    public void Check_NullPartyState_IsAnEmptyValueErrorNotAPartyWithoutAState()
    {
        var path = Agreement(_valid.Replace("- state: LVA", "- state: ~"));
        var d = Assert.Single(Check(path).Diagnostics);
        Assert.Equal(("PACTA006", "'state' must not be empty"), (d.Code, d.Message));
    }
}
