using Microsoft.Playwright;

namespace Pacta.Web.Tests;

/// <summary>
/// The datasets page in Chromium: the review's contested points with their readings, sources and default; choosing
/// a reading puts it on the download link (and in the URL), the page names the reading the file is read under, and
/// the file downloaded from the link is the one the API writes under that reading (Venezuela–United States 2020 an
/// OAS dyad only under <c>revoked-by-assembly</c>; worked out in <see cref="DatasetReadingsApiTests"/>).
/// </summary>
[Collection("server")]
public sealed class DatasetsBrowserTests(ServerFixture server, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [ChromiumFact]
    public async Task Choosing_a_reading_of_a_contested_point_changes_the_download_and_names_it()
    {
        var page = await UiPages.Open(browser, server);
        await page.GotoAsync("/datasets?from=2020&to=2020");
        var point = page.Locator("[data-testid=contested-points] fieldset[data-point='atop-3150:venezuela-oas-exit']");
        await point.WaitForAsync();
        var text = await point.InnerTextAsync();
        Assert.Contains("denunciation-effective", text);
        Assert.Contains("revoked-by-assembly", text);
        Assert.Contains("Default denunciation-effective:", text);
        Assert.Contains("Sources:", text);
        Assert.True(await point.Locator("input[value=denunciation-effective]").IsCheckedAsync());

        var link = page.Locator("[data-testid=download]");
        var before = await link.GetAttributeAsync("href");
        Assert.Equal("/api/datasets/dyad-years?format=csv&from=2020&to=2020", before);
        Assert.Contains("venezuela-oas-exit = denunciation-effective (default)", await page.InnerTextAsync("[data-testid=readings-used]"));

        await point.Locator("input[value=revoked-by-assembly]").CheckAsync();
        var after = await link.GetAttributeAsync("href");
        Assert.Equal("/api/datasets/dyad-years?format=csv&from=2020&to=2020&reading=atop-3150%3Avenezuela-oas-exit%3Drevoked-by-assembly", after);
        Assert.Contains("venezuela-oas-exit = revoked-by-assembly (not the default)", await page.InnerTextAsync("[data-testid=readings-used]"));
        Assert.Contains("reading=atop-3150", page.Url);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.File("datasets-readings-desktop.png"), FullPage = true });

        // The link's file, fetched as the browser would (same origin): Venezuela-US 2020 is there, read as chosen.
        var response = await page.APIRequest.GetAsync(after!);
        Assert.Equal(200, response.Status);
        Assert.Equal("atop-3150:venezuela-oas-exit=revoked-by-assembly", response.Headers["pacta-readings"]);
        Assert.Contains("2,101,2020,1,0,0,1,1,atop-reviewed", (await response.TextAsync()).Split('\n'));

        // The URL restores the choice; years within the release say no reading applies.
        await page.ReloadAsync();
        await point.WaitForAsync();
        Assert.True(await point.Locator("input[value=revoked-by-assembly]").IsCheckedAsync());
        await page.Locator("input[name=to]").FillAsync("2018");
        await page.Locator("input[name=from]").FillAsync("2018");
        await page.Locator("input[name=from]").DispatchEventAsync("change");
        await page.Locator("input[name=to]").DispatchEventAsync("change");
        Assert.Contains("no reading applies", await page.InnerTextAsync("[data-testid=readings-used]"));
        await page.Context.CloseAsync();
    }
}
