using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Pacta.Datasets;
using Pacta.Datasets.Added;
using Pacta.Datasets.Atop;
using Pacta.Datasets.Output;
using Pacta.Domain;

namespace Pacta.Web.Api;

/// <summary>
/// <c>/api/datasets/{name}</c>: the dyad-years of <c>pacta dyads</c> (ATOP up to its release, continued with Pacta's
/// encoding after it, through the workspace session) and ATOP's state-years, as CSV (streamed row by row) or
/// Parquet, with the researchers' column names.
/// </summary>
public static class DatasetRoutes
{
    private static readonly string[] Names = ["dyad-years", "dyad-years-undirected", "state-years"];

    public static void Map(RouteGroupBuilder api, ServeData data)
    {
        api.MapGet("/datasets", () => Json.Of(new JsonArray(Names.Select(n => (JsonNode)new JsonObject
        {
            ["name"] = n,
            ["formats"] = new JsonArray("csv", "parquet"),
            ["version"] = data.Atop?.Version,
            // The release's last year: readings of the review's contested points change only the years after it.
            ["release_end"] = data.Atop?.CoverageEnd.Year,
            ["years"] = data.Atop is null ? null : new JsonObject { ["from"] = 1815, ["to"] = DateTime.UtcNow.Year },
        }).ToArray())))
        .WithSummary("The datasets this server exports");

        // Literal segments outrank the {name} parameter, so this is not taken for a dataset called "readings".
        api.MapGet("/datasets/readings", () => Json.Of(DatasetReadings.Contested(CorpusReviews.Load(data.Session.Workspace))))
        .WithSummary("The contested points of the review of ATOP alliances after the release, with their readings")
        .WithDescription("As `pacta reviews` records them (corpus/reviews): each point whose reading the sources dispute (`review` atop-ID, `clause`, `question`), its readings (summary and sources), the default and why. `reading=atop-ID:CLAUSE=READING` on `/api/datasets/{name}` chooses one.");

        api.MapGet("/datasets/{name}", async (HttpContext http, string name, [FromQuery] string? format, [FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? add, [FromQuery] string[]? reading) =>
        {
            if (!Names.Contains(name)) throw ApiProblem.NotFound("name", $"unknown dataset '{name}'; expected one of {string.Join(", ", Names)}");
            var fmt = string.IsNullOrEmpty(format) ? "csv" : format;
            if (fmt is not ("csv" or "parquet")) throw ApiProblem.BadField("format", $"'{fmt}' must be csv or parquet");
            var release = data.Atop ?? throw new ApiProblem(StatusCodes.Status503ServiceUnavailable, null, "this build ships no ATOP release");
            var last = DateTime.UtcNow.Year; // both tables run to this year, continued after the release as the CLI continues them
            var years = new YearRange(Year(from, "from") ?? 1815, Year(to, "to") ?? last);
            if (years.From < 1815 || years.From > 2100) throw ApiProblem.BadField("from", $"{years.From} is outside 1815–2100");
            if (years.To < years.From) throw ApiProblem.BadField("to", $"{years.To} is before from ({years.From})");
            if (years.To > last) throw ApiProblem.BadField("to", $"{years.To} is after {last}, the current year");
            var added = Added(add, name, years, data.DataDir);
            var readings = DatasetReadings.Parse(reading, data.Session);
            // As the CLI's summary line names them: the reading of every contested point, when the years reach past the
            // release (before it the table is ATOP's own and no reading applies); non-default choices also in the file name.
            var applied = years.To > release.CoverageEnd.Year ? readings.Applied : [];
            if (applied.Count > 0) http.Response.Headers[DatasetReadings.Header] = DatasetReadings.HeaderValue(applied);

            var file = $"atop-{release.Version}-{name}-{years.From}-{years.To}{DatasetReadings.FileSuffix(applied)}.{fmt}";
            http.Response.ContentType = fmt == "csv" ? "text/csv; charset=utf-8" : "application/vnd.apache.parquet";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{file}\"";
            // Exports run longer than ordinary requests; the table is built lazily and written as it comes.
            http.Features.Get<Microsoft.AspNetCore.Http.Timeouts.IHttpRequestTimeoutFeature>()?.DisableTimeout();
            if (fmt == "csv")
            {
                http.Features.Get<IHttpBodyControlFeature>()!.AllowSynchronousIO = true;
                await Task.Run(() => WriteCsv(http.Response.Body, data.Session, name, years, added, readings.Choices), http.RequestAborted);
                return;
            }
            // Parquet needs to finish its footer at the end; build it in a temporary file, then stream that.
            var tmp = Path.Combine(Path.GetTempPath(), $"pacta-{Guid.NewGuid():N}.parquet");
            try
            {
                await using (var f = File.Create(tmp)) await WriteParquet(f, data.Session, name, years, added, readings.Choices, http.RequestAborted);
                await using var read = new FileStream(tmp, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
                http.Response.ContentLength = read.Length;
                await read.CopyToAsync(http.Response.Body, http.RequestAborted);
            }
            finally
            {
                File.Delete(tmp);
            }
        })
        .WithSummary("Export a dataset as CSV or Parquet")
        .WithDescription("`name`: dyad-years (as `pacta dyads`: ATOP up to its release, continued after it, to the current year; directed ccode1, ccode2, year + atop_defense … atop_consul), dyad-years-undirected, state-years (as `pacta state-years`, ATOP's atop5_1sy columns). `from`/`to` are years. `add` (dyad-years only): comma-separated column families contiguity, majors, mids, wars, as `pacta dyads --add` (empty = NA outside each source's years). `reading` (repeatable or comma-separated): atop-ID:CLAUSE=READING or CLAUSE=READING, as the CLI's `--reading`, chooses how a contested point of the review is read (`/api/datasets/readings` lists them); an unknown one is a 400 naming `reading`. When the years reach past the release, the `Pacta-Readings` header names the reading of every contested point (`(default)` marked) and the file name carries the non-default ones.");
    }

    private static int? Year(string? text, string field) =>
        string.IsNullOrEmpty(text) ? null
        : int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) ? y
        : throw ApiProblem.BadField(field, $"'{text}' is not a year");

    /// <summary>The <c>add</c> families prepared for the request's years; null when none are asked for.</summary>
    private static AddedColumns? Added(string? add, string name, YearRange years, string dataDir)
    {
        if (string.IsNullOrEmpty(add)) return null;
        if (name == "state-years") throw ApiProblem.BadField("add", "added columns exist for dyad-years only");
        var families = DyadColumnFamilies.Parse(add, out var error) ?? throw ApiProblem.BadField("add", error!);
        try
        {
            return AddedColumns.Load(dataDir, families, years);
        }
        catch (AddedDataException e)
        {
            throw new ApiProblem(StatusCodes.Status503ServiceUnavailable, null, e.Message);
        }
    }

    private static void WriteCsv(Stream body, PactaSession session, string name, YearRange years, AddedColumns? added, IReadOnlyList<ReadingChoice> readings)
    {
        var release = session.Atop;
        if (name == "state-years") CsvDatasetWriter.WriteStateYears(body, session.StateYears(years, readings: readings), release.Version);
        else
        {
            var table = session.DyadYears(years, readings: readings);
            CsvDatasetWriter.WriteDyadYears(body, name == "dyad-years" ? table.DirectedRows() : table.UndirectedRows(), origin: true, added: added);
        }
    }

    private static async Task WriteParquet(Stream body, PactaSession session, string name, YearRange years, AddedColumns? added, IReadOnlyList<ReadingChoice> readings, CancellationToken ct)
    {
        var release = session.Atop;
        if (name == "state-years") await ParquetDatasetWriter.WriteStateYearsAsync(body, session.StateYears(years, readings: readings), release.Version, ct);
        else
        {
            var table = session.DyadYears(years, readings: readings);
            await ParquetDatasetWriter.WriteDyadYearsAsync(body, name == "dyad-years" ? table.DirectedRows() : table.UndirectedRows(), true, added, ct);
        }
    }
}
