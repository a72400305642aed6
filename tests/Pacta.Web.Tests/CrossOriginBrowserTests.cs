using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Pacta.Web.Tests;

/// <summary>
/// Issue 11 row 1 in a real browser: a page from another origin (a second server on another loopback port) tries to
/// save a scenario the ways a browser allows without a preflight, and the UI's own pages run under the CSP.
/// </summary>
[Collection("server")]
public sealed class CrossOriginBrowserTests(ServerFixture server, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private async Task<int> ScenarioCount()
    {
        using var http = server.Client();
        return JsonNode.Parse(await http.GetStringAsync("api/scenarios?limit=500"))!.AsArray().Count;
    }

    /// <summary>The other site: one page whose script posts to the Pacta server with no Content-Type and as a form.</summary>
    private static async Task<WebApplication> OtherSite(Uri pacta)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var target = pacta.ToString().TrimEnd('/') + "/api/scenarios";
        var html = $$"""
            <!doctype html><html><body>
            <form id="f" method="post" enctype="text/plain" action="{{target}}">
              <input name='{"name":"from a form","kind":"what-if","state":{},"pad":"' value='"}'>
            </form>
            <script>
            const body = JSON.stringify({ name: 'from another site', kind: 'what-if', state: {} });
            async function attack() {
              const sent = [];
              // A Blob without a type: no Content-Type header at all; a string: text/plain. Neither needs a preflight.
              for (const b of [new Blob([body]), body]) {
                try { await fetch('{{target}}', { method: 'POST', mode: 'no-cors', body: b }); sent.push('sent'); }
                catch (e) { sent.push('failed: ' + e); }
              }
              // With a JSON type the browser must ask first (CORS preflight), and the server never says yes.
              try { await fetch('{{target}}', { method: 'POST', headers: { 'content-type': 'application/json' }, body }); sent.push('json sent'); }
              catch (e) { sent.push('json refused'); }
              return sent.join(', ');
            }
            </script>
            </body></html>
            """;
        app.MapGet("/", () => Results.Content(html, "text/html; charset=utf-8"));
        await app.StartAsync();
        return app;
    }

    [ChromiumFact]
    public async Task A_page_on_another_origin_cannot_save_a_scenario()
    {
        await using var other = await OtherSite(server.BaseUrl);
        var otherUrl = other.Urls.Single();
        Assert.NotEqual(server.BaseUrl.Port, new Uri(otherUrl).Port);
        var before = await ScenarioCount();

        var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var pactaResponses = new List<int>();
        page.Response += (_, r) => { if (r.Url.StartsWith(server.BaseUrl.ToString(), StringComparison.Ordinal)) lock (pactaResponses) pactaResponses.Add(r.Status); };
        await page.GotoAsync(otherUrl);
        // The first two reach the server (their answers are then withheld from the page by CORP); the third never leaves.
        var sent = await page.EvaluateAsync<string>("attack()");
        Assert.EndsWith("json refused", sent);
        // The form's answer is a problem+json document, which Chromium downloads rather than shows: wait for the response.
        var form = await page.RunAndWaitForResponseAsync(() => page.EvaluateAsync("document.getElementById('f').submit()"),
            r => r.Url.StartsWith(server.BaseUrl.ToString(), StringComparison.Ordinal) && r.Request.Method == "POST");
        Assert.Equal(403, form.Status);
        await context.CloseAsync();

        Assert.Equal(before, await ScenarioCount());
        // The form's answer reached the browser: a refusal (403 Origin), as was every other one seen.
        Assert.NotEmpty(pactaResponses);
        Assert.DoesNotContain(pactaResponses, s => s is >= 200 and < 300);
    }

    [ChromiumFact]
    public async Task The_ui_runs_under_its_content_security_policy()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl.ToString() });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) lock (violations) violations.Add(m.Text); };

        var document = await page.GotoAsync("/what-if?attacker=RUS&target=EST&date=2025-06-01&location=EE");
        Assert.Contains("script-src 'self'", (await document!.AllHeadersAsync())["content-security-policy"]);
        await page.WaitForSelectorAsync("[data-testid=summary]");
        // Legend swatches get their colour from a style set through the CSSOM, which the policy allows.
        var swatch = await page.EvalOnSelectorAsync<string>(".legend .legend-keys i", "e => getComputedStyle(e).backgroundColor");
        Assert.Equal("rgb(26, 26, 26)", swatch);
        Assert.NotNull(await page.GetAttributeAsync("svg.map path[data-iso3=USA]", "style"));

        await page.GotoAsync("/network?on=2025-06-01&origin=pacta");
        await page.WaitForSelectorAsync("[data-testid=network] canvas");
        await page.GotoAsync("/cascade?attacker=RUS&target=EST&date=2025-06-01&trials=100&include_atop=false");
        await page.WaitForSelectorAsync("[data-testid=cascade-bars] li");
        Assert.NotNull(await page.GetAttributeAsync("[data-testid=cascade-bars] .bar-fill", "style"));
        // The API explorer (Swagger UI, bundled) renders every route under the same policy.
        await page.GotoAsync("/api-reference");
        await page.WaitForSelectorAsync(".swagger-ui .opblock");
        await context.CloseAsync();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
