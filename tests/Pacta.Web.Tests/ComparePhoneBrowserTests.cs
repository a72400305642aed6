using Microsoft.Playwright;

namespace Pacta.Web.Tests;

/// <summary>
/// The compare page on a phone (390×844) and on a desktop: the table scrolls inside its own box (the page never
/// scrolls sideways), the controls fit, the chart scales, and axe-core finds no serious or critical violation; the
/// page takes readings as the what-if does.
/// </summary>
[Collection("server")]
public sealed class ComparePhoneBrowserTests(ServerFixture server, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Five = "/compare?agreement=north-atlantic-treaty-1949&agreement=usa-ukr-draft-2025-11&agreement=kyiv-security-compact-2022&agreement=budapest-memorandum-1994&agreement=istanbul-communique-2022";

    [ChromiumTheory]
    [InlineData(UiPages.PhoneWidth, UiPages.PhoneHeight)]
    [InlineData(UiPages.DesktopWidth, UiPages.DesktopHeight)]
    public async Task Compare_fits_the_screen_and_has_no_serious_accessibility_violation(int width, int height)
    {
        var page = await UiPages.Open(browser, server, width, height);
        await page.GotoAsync(Five);
        await page.WaitForSelectorAsync("[data-testid=comparison]");
        var size = Size(width);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.File($"web2-compare-{size}.png") });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.File($"web2-compare-{size}-full.png"), FullPage = true });

        // The page itself never scrolls sideways: the wide table scrolls in its own box.
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the page is {overflow} px wider than the {width} px screen");
        foreach (var selector in new[] { "#compare-pick", "#compare-reference", ".compare-form button[type=submit]", "[data-testid=compare-chart]" })
        {
            var box = await page.Locator(selector).BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box!.X >= 0 && box.X + box.Width <= width + 0.5, $"{selector} spans {box.X}–{box.X + box.Width} on a {width} px screen");
        }

        var violations = await UiPages.Axe(page);
        var serious = violations.Where(UiPages.Serious).Select(v => $"{v.Impact} {v.Id} ({v.Nodes}×, e.g. {v.Target}) — {v.Help}").ToList();
        Assert.True(serious.Count == 0, string.Join('\n', serious));
        await page.Context.CloseAsync();
    }

    [ChromiumTheory]
    [InlineData(UiPages.PhoneWidth, UiPages.PhoneHeight)]
    [InlineData(UiPages.DesktopWidth, UiPages.DesktopHeight)]
    public async Task Compare_takes_a_reading_and_names_it(int width, int height)
    {
        var page = await UiPages.Open(browser, server, width, height);
        await page.GotoAsync("/compare?agreement=north-atlantic-treaty-1949&agreement=usa-ukr-2024");
        await page.WaitForSelectorAsync("[data-testid=comparison]");
        var bindingness = page.Locator("[data-testid=comparison] tbody tr:has(th:text-is('bindingness')) td").Nth(1);
        var before = await bindingness.InnerTextAsync();
        Assert.Contains("the default of each", await page.InnerTextAsync("[data-testid=readings-used]"));

        var clause = page.Locator("[data-testid=readings] fieldset[data-clause='usa-ukr-2024:bindingness']");
        await page.ClickAsync("[data-testid=readings] summary");
        Assert.True(await clause.Locator("input[value=political]").IsCheckedAsync());
        var request = page.WaitForRequestAsync(r => r.Url.Contains("/api/compare") && r.Url.Contains("reading="));
        await clause.Locator("input[value=binding-agreement]").CheckAsync();
        Assert.Contains("usa-ukr-2024%3Abindingness%3Dbinding-agreement", (await request).Url);
        await page.WaitForSelectorAsync("[data-testid=readings-used]:has-text('bindingness = binding-agreement')");
        Assert.NotEqual(before, await page.Locator("[data-testid=comparison] tbody tr:has(th:text-is('bindingness')) td").Nth(1).InnerTextAsync());
        Assert.Contains("reading=", page.Url);

        // On a phone the dimension names stay in view while the table scrolls sideways.
        if (width == UiPages.PhoneWidth)
            Assert.Equal("sticky", await page.EvalOnSelectorAsync<string>("[data-testid=comparison] tbody th[scope=row]", "e => getComputedStyle(e).position"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.File($"web2-compare-readings-{Size(width)}.png"), FullPage = true });
        Assert.Equal(0, (await UiPages.Axe(page)).Count(UiPages.Serious));
        await page.Context.CloseAsync();
    }

    private static string Size(int w) => w == UiPages.PhoneWidth ? "phone" : "desktop";
}
