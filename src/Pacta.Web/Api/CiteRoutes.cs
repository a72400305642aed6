using System.Text.Json.Nodes;

namespace Pacta.Web.Api;

/// <summary><c>/api/cite</c>: the CLI's <c>cite --json</c> — citation, version and licence of every shipped dataset.</summary>
public static class CiteRoutes
{
    public static void Map(RouteGroupBuilder api, ServeData data)
    {
        api.MapGet("/cite", () =>
        {
            var path = Path.Combine(data.DataDir, "datasets.json");
            if (!File.Exists(path)) throw new ApiProblem(StatusCodes.Status503ServiceUnavailable, null, "the dataset manifest (data/datasets.json) is missing from this build");
            return Json.Of(JsonNode.Parse(File.ReadAllText(path))!);
        })
        .WithSummary("Citations of the shipped datasets");
    }
}
