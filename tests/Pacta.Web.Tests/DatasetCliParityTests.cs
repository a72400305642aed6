using System.Diagnostics;

namespace Pacta.Web.Tests;

/// <summary>The web's dyad-years are the CLI's: the same columns (the <c>source</c> column included), the same bytes.</summary>
[Collection("server")]
public sealed class DatasetCliParityTests(ServerFixture server)
{
    private readonly HttpClient _http = server.Client();

    /// <summary>The CLI as built beside its own project, in the same configuration as these tests.</summary>
    private static string PactaDll
    {
        get
        {
            var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var repo = tfm.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
            return Path.Combine(repo, "src", "Pacta.Cli", "bin", tfm.Parent!.Name, tfm.Name, "pacta.dll");
        }
    }

    private static async Task<string> Cli(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(PactaDll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["NO_COLOR"] = "1";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, await stderr);
        return await stdout;
    }

    [Theory]
    [InlineData("dyad-years", "--directed", "")]
    [InlineData("dyad-years-undirected", "--undirected", "")]
    [InlineData("dyad-years", "--directed", "contiguity,majors,mids,wars")]
    public async Task Web_dyad_years_equal_pacta_dyads_with_the_source_column(string name, string direction, string add)
    {
        var query = $"api/datasets/{name}?from=2017&to=2025" + (add.Length > 0 ? $"&add={add}" : "");
        var web = await _http.GetStringAsync(query);
        string[] args = add.Length > 0 ? ["dyads", direction, "--from", "2017", "--to", "2025", "--add", add] : ["dyads", direction, "--from", "2017", "--to", "2025"];
        var cli = await Cli(args);
        Assert.StartsWith("ccode1,ccode2,year,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul,source", web);
        Assert.Equal(cli, web);
        // Reviewed continuations and Pacta's codings after 2018, ATOP's own rows up to it.
        Assert.Contains(",2018,", web);
        Assert.Contains(",atop-reviewed", web);
        Assert.Contains(",pacta", web);
    }
}
