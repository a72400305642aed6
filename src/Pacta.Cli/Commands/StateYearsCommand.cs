using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Pacta.Contracts;
using Pacta.Datasets;
using Pacta.Datasets.Atop;
using Pacta.Datasets.Output;

namespace Pacta.Cli.Commands;

/// <summary>
/// <c>pacta state-years --from Y --to Y --format csv|parquet --out FILE</c>: ATOP's state-year table (atop5_1sy
/// columns) rebuilt from the ATOP release in use. It stops where the release stops: its columns (alliance ids,
/// version) describe ATOP's own alliances, so it is not continued with Pacta's encoding.
/// </summary>
public static class StateYearsCommand
{
    public static Command Create()
    {
        var from = DatasetOptions.From();
        var to = DatasetOptions.To();
        var format = DatasetOptions.Format();
        var output = DatasetOptions.Out();
        var cmd = new Command("state-years", "Write ATOP's state-year table (atop5_1sy columns) for the ATOP release in use")
        {
            from, to, format, output,
        };
        cmd.SetAction(r => Cli.Run(r, () =>
        {
            var ws = CommonOptions.Workspace(r);
            var release = ws.Atop;
            var end = release.CoverageEnd.Year;
            var (y0, y1) = DatasetOptions.Years(r.GetValue(from) ?? DatasetOptions.AtopFirstYear, r.GetValue(to) ?? end,
                DatasetOptions.AtopFirstYear, end, "where ATOP's alliance data begin",
                $"the last year of ATOP {release.Version} (use 'pacta dyads' for later years)");
            var path = r.GetValue(output);
            var fmt = DatasetOptions.ParseFormat(r.GetValue(format), path);
            using var sink = DatasetOutput.Open(path, fmt);
            var years = new YearRange(y0, y1);
            var rows = AtopDatasets.StateYears(release, years);
            var written = fmt == DatasetOptions.FileFormat.Parquet
                ? ParquetDatasetWriter.WriteStateYearsAsync(sink.Stream, rows, release.Version).GetAwaiter().GetResult()
                : CsvDatasetWriter.WriteStateYears(sink.Stream, rows, release.Version);
            sink.Commit();
            if (sink.ToStdout) return ExitCodes.Ok;
            if (r.GetValue(CommonOptions.Json))
                Console.WriteLine(JsonShapes.Write(new JsonObject { ["file"] = path, ["rows"] = written, ["from"] = y0, ["to"] = y1, ["version"] = release.Version }));
            else
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {written:N0} state-years, {y0}–{y1} (ATOP {release.Version}), to {path}"));
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
