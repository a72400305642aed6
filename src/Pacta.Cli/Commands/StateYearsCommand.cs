using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Pacta.Contracts;
using Pacta.Datasets;
using Pacta.Datasets.Atop;
using Pacta.Datasets.Output;

namespace Pacta.Cli.Commands;

/// <summary>
/// <c>pacta state-years --from Y --to Y [--reading CLAUSE=READING] --format csv|parquet --out FILE</c>: ATOP's state-year table (atop5_1sy
/// columns) rebuilt from the ATOP release in use, continued after the release as <c>pacta dyads</c> continues the
/// dyad-years (reviewed and unreviewed ATOP alliances, Pacta's own codings with ids from 900001; docs/datasets.md).
/// </summary>
public static class StateYearsCommand
{
    public static Command Create()
    {
        var from = DatasetOptions.From();
        var to = DatasetOptions.To();
        var format = DatasetOptions.Format();
        var output = DatasetOptions.Out();
        var political = new Option<bool>("--include-political") { Description = "After the ATOP release, also map political commitments and proposals (ATOP counts only binding treaties)" };
        var reading = DatasetOptions.Reading();
        var cmd = new Command("state-years", "Write ATOP-style state-years (atop5_1sy columns): ATOP up to its release, continued after it")
        {
            from, to, format, output, political, reading,
        };
        cmd.SetAction(r => Cli.Run(r, () =>
        {
            var ws = CommonOptions.Workspace(r);
            var release = ws.Atop;
            var end = release.CoverageEnd.Year;
            var thisYear = DateTime.UtcNow.Year;
            var (y0, y1) = DatasetOptions.Years(r.GetValue(from) ?? DatasetOptions.AtopFirstYear, r.GetValue(to) ?? end,
                DatasetOptions.AtopFirstYear, thisYear, "where ATOP's alliance data begin", "the current year");
            var path = r.GetValue(output);
            var fmt = DatasetOptions.ParseFormat(r.GetValue(format), path);
            using var sink = DatasetOutput.Open(path, fmt);
            var years = new YearRange(y0, y1);
            // The release's years from ATOP alone; the later ones from the continuous record (as the web serves them).
            var pastRelease = y1 > end;
            var readingTexts = r.GetValue(reading);
            var reviews = pastRelease || readingTexts is { Length: > 0 } ? CorpusReviews.LoadDecisions(ws) : [];
            var readings = DatasetOptions.Readings(readingTexts, reviews);
            var rows = new PactaSession(ws).StateYears(years, r.GetValue(political), readings);
            var used = DatasetOptions.ReadingsUsed(pastRelease ? reviews : [], readings);
            var written = fmt == DatasetOptions.FileFormat.Parquet
                ? ParquetDatasetWriter.WriteStateYearsAsync(sink.Stream, rows, release.Version).GetAwaiter().GetResult()
                : CsvDatasetWriter.WriteStateYears(sink.Stream, rows, release.Version);
            sink.Commit();
            if (sink.ToStdout) return ExitCodes.Ok;
            if (r.GetValue(CommonOptions.Json))
                Console.WriteLine(JsonShapes.Write(new JsonObject { ["file"] = path, ["rows"] = written, ["from"] = y0, ["to"] = y1, ["version"] = release.Version, ["readings"] = used.Json }));
            else
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {written:N0} state-years, {y0}–{y1} (ATOP {release.Version}), to {path}{used.Text}"));
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
