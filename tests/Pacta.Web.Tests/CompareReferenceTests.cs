using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Pacta.Web.Tests;

/// <summary>
/// Compare's reference (issue 16): picked in the order the user chose, never alphabetically, with an explicit
/// reference picker; values in words from the core. API and browser.
/// </summary>
[Collection("server")]
public sealed class CompareReferenceTests(ServerFixture server, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Nato = "north-atlantic-treaty-1949", Kyiv = "kyiv-security-compact-2022", Budapest = "budapest-memorandum-1994";

    [Fact]
    public async Task Api_reference_defaults_to_the_first_given_and_can_be_chosen()
    {
        using var http = server.Client();
        var first = JsonNode.Parse(await http.GetStringAsync($"api/compare?agreement={Nato}&agreement={Kyiv}&agreement={Budapest}"))!;
        Assert.Equal(Nato, (string?)first["reference"]);
        var chosen = JsonNode.Parse(await http.GetStringAsync($"api/compare?agreement={Nato}&agreement={Kyiv}&agreement={Budapest}&reference={Kyiv}"))!;
        Assert.Equal(Kyiv, (string?)chosen["reference"]);
        Assert.Equal([Kyiv, Nato, Budapest], chosen["agreements"]!.AsArray().Select(a => (string)a!["id"]!).ToArray());
        var deadline = chosen["dimensions"]!.AsArray().First(d => (string?)d!["dimension"] == "deadline")!["values"]![0]!;
        Assert.Equal("24 h to meet, 72 h to decide", (string?)deadline["text"]);

        using var outside = await http.GetAsync($"api/compare?agreement={Nato}&agreement={Kyiv}&reference={Budapest}");
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Equal("reference", (string?)JsonNode.Parse(await outside.Content.ReadAsStringAsync())!["field"]);
    }

    [ChromiumFact]
    public async Task The_reference_is_the_first_picked_not_the_first_alphabetically_and_can_be_changed()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/compare");
        // One pick after another, as a user ctrl-clicks: NATO, then Kyiv, then Budapest (first in the list's own order).
        await page.SelectOptionAsync("#compare-pick", new[] { Nato });
        await page.SelectOptionAsync("#compare-pick", new[] { Nato, Kyiv });
        await page.SelectOptionAsync("#compare-pick", new[] { Nato, Kyiv, Budapest });
        Assert.Equal(Nato, await page.InputValueAsync("#compare-reference"));
        await page.ClickAsync("button:has-text('Compare')");
        await page.WaitForSelectorAsync("[data-testid=comparison]");
        var headers = await page.Locator("[data-testid=comparison] thead th").AllInnerTextsAsync();
        Assert.Equal($"{Nato} (reference)", headers[1].Trim());
        Assert.Equal(Kyiv, headers[2].Trim());
        Assert.Equal(Budapest, headers[3].Trim());
        var table = await page.InnerTextAsync("[data-testid=comparison]");
        Assert.Contains("24 h to meet, 72 h to decide", table);
        Assert.Contains("Ukraine within its 1991 borders, incl. Crimea and Sevastopol", table);
        Assert.DoesNotContain("PT24H", table);

        await page.SelectOptionAsync("#compare-reference", Kyiv);
        await page.ClickAsync("button:has-text('Compare')");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=comparison] thead th:nth-child(2)')?.textContent?.includes('kyiv-security-compact-2022')");
        headers = await page.Locator("[data-testid=comparison] thead th").AllInnerTextsAsync();
        Assert.Equal($"{Kyiv} (reference)", headers[1].Trim());
        Assert.Contains($"reference={Kyiv}", page.Url);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.File("compare-reference-kyiv.png"), FullPage = true });
        await context.CloseAsync();
    }
}
