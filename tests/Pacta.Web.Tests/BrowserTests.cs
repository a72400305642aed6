using Microsoft.Playwright;

namespace Pacta.Web.Tests;

/// <summary>
/// The web UI in a real browser against pacta serve on loopback: the Estonia 2025 scenario from the form (map and
/// lists), an explanation, a comparison, a saved scenario reloaded from its URL, phone width and keyboard use.
/// Screenshots go to tests/Pacta.Web.Tests/artifacts.
/// </summary>
[Collection("server")]
public sealed class BrowserTests(ServerFixture server, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private async Task<IPage> NewPage(int width = 1280, int height = 800)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        // Nothing may be loaded from anywhere but this server.
        await page.RouteAsync(url => !url.StartsWith(server.BaseUrl.ToString(), StringComparison.Ordinal) && !url.StartsWith("data:", StringComparison.Ordinal),
            route => throw new InvalidOperationException($"the page asked for {route.Request.Url}"));
        return page;
    }

    private static async Task RunEstoniaFromTheForm(IPage page)
    {
        await page.GotoAsync("/what-if");
        await page.FillAsync("input[name=attacker]", "RUS");
        await page.FillAsync("input[name=target]", "EST");
        await page.FillAsync("input[name=date]", "2025-06-01");
        await page.FillAsync("input[name=location]", "EE");
        await page.ClickAsync("button[type=submit]:has-text('Evaluate')");
        await page.WaitForSelectorAsync("[data-testid=summary]");
    }

    [ChromiumFact]
    public async Task Estonia_2025_from_the_form_colours_the_map_and_fills_the_lists()
    {
        var page = await NewPage();
        await RunEstoniaFromTheForm(page);
        Assert.Contains("Estonia", await page.InnerTextAsync("[data-testid=summary]"));

        // Map: the attacker, the target and the obligors by strength.
        Assert.Equal("attacker", await page.GetAttributeAsync("svg.map path[data-iso3=RUS]", "data-role"));
        Assert.Equal("target", await page.GetAttributeAsync("svg.map path[data-iso3=EST]", "data-role"));
        var usa = await page.GetAttributeAsync("svg.map path[data-iso3=USA]", "data-role");
        Assert.Contains(usa, new[] { "automatic", "discretionary", "consultative" });
        Assert.True(await page.Locator("svg.map path[data-role]").CountAsync() > 20);

        // Lists and the deadline timeline.
        var triggered = await page.InnerTextAsync("[data-testid=triggered]");
        Assert.Contains("north-atlantic-treaty-1949 Art. 5", triggered);
        Assert.Contains("teu-2009-art-42-7", triggered);
        Assert.Contains("Not triggered", await page.InnerTextAsync("[data-testid=not-triggered]"));
        Assert.Contains("Breached by the attacker", await page.InnerTextAsync("[data-testid=breached]"));
        Assert.True(await page.Locator("[data-testid=timeline]").IsVisibleAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.File("what-if-estonia-2025.png") });

        // An explanation tree, with a link to the provision on the agreement's page.
        var nato = page.Locator("article[data-agreement=north-atlantic-treaty-1949][data-provision='Art. 5']");
        await nato.Locator("button.chip", new LocatorLocatorOptions { HasText = "USA" }).ClickAsync();
        var tree = nato.Locator("[data-testid=explanation]");
        await tree.WaitForAsync();
        var text = await tree.InnerTextAsync();
        Assert.Contains("met", text);
        Assert.Contains("United States", text);
        Assert.Contains("open=t", page.Url);
        await nato.ScreenshotAsync(new LocatorScreenshotOptions { Path = Artifacts.File("explanation-nato-usa.png") });
        await tree.Locator("a", new LocatorLocatorOptions { HasText = "north-atlantic-treaty-1949 Art. 5" }).First.ClickAsync();
        await page.WaitForSelectorAsync("section.provision#p-art-5");
        Assert.Contains("/agreements/north-atlantic-treaty-1949", page.Url);
        Assert.Contains("Sources", await page.InnerTextAsync("main"));
    }

    [ChromiumFact]
    public async Task Compare_two_agreements_shows_the_table_and_chart()
    {
        var page = await NewPage();
        await page.GotoAsync("/compare");
        await page.SelectOptionAsync("#compare-pick", new[] { "north-atlantic-treaty-1949", "teu-2009-art-42-7" });
        await page.ClickAsync("button:has-text('Compare')");
        await page.WaitForSelectorAsync("[data-testid=comparison]");
        var table = await page.InnerTextAsync("[data-testid=comparison]");
        Assert.Contains("north-atlantic-treaty-1949", table);
        Assert.Contains("teu-2009-art-42-7", table);
        Assert.Contains("bindingness", table);
        Assert.True(await page.Locator("[data-testid=compare-chart] rect").CountAsync() >= 2);
        Assert.Contains("agreement=north-atlantic-treaty-1949", page.Url);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.File("compare-nato-teu.png") });
    }

    [ChromiumFact]
    public async Task A_saved_scenario_reloads_with_its_state()
    {
        var page = await NewPage();
        await RunEstoniaFromTheForm(page);
        await page.FillAsync("input[name=scenario-name]", "Estonia 2025 (browser test)");
        await page.ClickAsync("button:has-text('Save scenario')");
        var link = page.Locator("[data-testid=saved-link]");
        await link.WaitForAsync();
        var href = await link.GetAttributeAsync("href");
        Assert.StartsWith("/scenarios/", href);

        // A fresh page from the shared URL restores the form and the results.
        var other = await NewPage();
        await other.GotoAsync(href!);
        await other.WaitForSelectorAsync("[data-testid=summary]");
        Assert.Contains("Estonia 2025 (browser test)", await other.InnerTextAsync("[data-testid=scenario-banner]"));
        Assert.Equal("RUS", await other.InputValueAsync("input[name=attacker]"));
        Assert.Equal("2025-06-01", await other.InputValueAsync("input[name=date]"));
        Assert.Contains("north-atlantic-treaty-1949", await other.InnerTextAsync("[data-testid=triggered]"));
        await other.ReloadAsync();
        await other.WaitForSelectorAsync("[data-testid=summary]");
        Assert.Equal("EST", await other.InputValueAsync("input[name=target]"));

        // The page's own URL carries its state too, including an open explanation.
        var url = new Uri(page.Url).PathAndQuery;
        await other.GotoAsync(url + "&open=t0");
        await other.WaitForSelectorAsync("[data-testid=explanation]");
        await other.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.File("saved-scenario-restored.png") });
    }

    [ChromiumFact]
    public async Task Phone_width_has_no_horizontal_scroll_and_the_form_works_by_keyboard()
    {
        var page = await NewPage(390, 844);
        await page.GotoAsync("/what-if");
        await page.FocusAsync("input[name=attacker]");
        await page.Keyboard.TypeAsync("RUS");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("EST");
        await page.FillAsync("input[name=date]", "2025-06-01");
        await page.FocusAsync("input[name=location]");
        await page.Keyboard.TypeAsync("EE");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("[data-testid=summary]");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.File("what-if-phone.png") });
        var wide = await page.EvaluateAsync<string>("""
            () => document.documentElement.scrollWidth <= window.innerWidth + 1 ? '' :
              [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                .slice(0, 5).map(e => e.tagName + '.' + e.className).join(', ')
            """);
        Assert.True(wide == "", $"the what-if page scrolls sideways at phone width: {wide}");
    }

    [ChromiumFact]
    public async Task A_bad_state_shows_the_problem_at_its_field()
    {
        var page = await NewPage();
        await page.GotoAsync("/what-if?attacker=Atlantis&target=EST&date=2025-06-01");
        await page.WaitForSelectorAsync("[data-testid=form-error]:has-text('Atlantis')");
        Assert.Equal("true", await page.GetAttributeAsync("input[name=attacker]", "aria-invalid"));
    }

    [ChromiumFact]
    public async Task Cascade_page_shows_both_sides_apart_conditional_joiners_and_the_options_in_force()
    {
        var page = await NewPage();
        await page.GotoAsync("/cascade?attacker=RUS&target=EST&date=2025-06-01&trials=1000&include_atop=false");
        await page.WaitForSelectorAsync("[data-testid=cascade-size] td", new PageWaitForSelectorOptions { Timeout = 60_000 });

        var defenders = await page.InnerTextAsync("[data-testid=cascade-defender-side]");
        var attackers = await page.InnerTextAsync("[data-testid=cascade-attacker-side]");
        Assert.Contains("United States", defenders);
        Assert.Contains("north-atlantic-treaty-1949 Art. 5", defenders);
        Assert.Contains("Belarus", attackers);
        Assert.DoesNotContain("Austria", defenders + attackers);
        // The two sides in different colours.
        // (a swatch per row in the side's colour; the text itself stays dark for contrast)
        var attackerColour = await page.EvalOnSelectorAsync<string>("[data-testid=cascade-attacker-side] li .side-swatch", "e => getComputedStyle(e).backgroundColor");
        var defenderColour = await page.EvalOnSelectorAsync<string>("[data-testid=cascade-defender-side] li .side-swatch", "e => getComputedStyle(e).backgroundColor");
        Assert.NotEqual(attackerColour, defenderColour);
        var conditional = await page.InnerTextAsync("[data-testid=cascade-conditional]");
        Assert.Contains("Cyprus", conditional);
        Assert.Contains("reported, not drawn in", conditional);
        Assert.Contains("conditional = report", await page.InnerTextAsync("[data-testid=cascade-options]"));
        Assert.Contains("carve-out = support", await page.InnerTextAsync("[data-testid=cascade-options]"));
        Assert.Contains("P(a major power", await page.InnerTextAsync("[data-testid=cascade-majors]"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.File("cascade-reasoning-estonia-2025.png"), FullPage = true });

        // The option travels to the API: propagating conditional promises draws Cyprus in.
        await page.GotoAsync("/cascade?attacker=RUS&target=EST&date=2025-06-01&include_atop=false&conditional=propagate");
        await page.WaitForSelectorAsync("[data-testid=cascade-defender-side] li", new PageWaitForSelectorOptions { Timeout = 60_000 });
        Assert.Contains("Cyprus", await page.InnerTextAsync("[data-testid=cascade-defender-side]"));
    }

    /// <summary>
    /// The join model is an option of the page: switching from the default (per obligation, preset bf2018) to the model
    /// fitted on history changes the Monte Carlo's answer and the label, which then names the coefficients file, not a
    /// preset; the option travels in the URL.
    /// </summary>
    [ChromiumFact]
    public async Task Cascade_page_switching_the_join_model_changes_the_answer_and_its_label()
    {
        var page = await NewPage();
        await page.GotoAsync("/cascade?attacker=RUS&target=EST&date=2025-06-01&trials=2000&include_atop=false");
        await page.WaitForSelectorAsync("[data-testid=cascade-majors]", new PageWaitForSelectorOptions { Timeout = 60_000 });
        var heading = await page.InnerTextAsync("[data-testid=cascade-mc-heading]");
        Assert.Contains("join model per-obligation, preset bf2018", heading);
        var before = await page.InnerTextAsync("[data-testid=cascade-majors]");

        await page.SelectOptionAsync("select[name=join_model]", "fitted");
        await page.ClickAsync("button[type=submit]:has-text('Run')");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=cascade-mc-heading]')?.textContent.includes('fitted')", null,
            new PageWaitForFunctionOptions { Timeout = 60_000 });

        var fitted = await page.InnerTextAsync("[data-testid=cascade-mc-heading]");
        Assert.Contains("join model fitted, data/join-model/coefficients.json", fitted);
        Assert.DoesNotContain("preset", fitted);
        Assert.Contains("The honour presets are not used", await page.InnerTextAsync("[data-testid=cascade-model]"));
        Assert.NotEqual(before, await page.InnerTextAsync("[data-testid=cascade-majors]"));
        Assert.Contains("join_model=fitted", page.Url);
    }

    [ChromiumFact]
    public async Task Agreements_network_and_api_reference_render()
    {
        var page = await NewPage();
        await page.GotoAsync("/agreements?in_force_on=2025-06-01&party=UKR&origin=pacta");
        await page.WaitForSelectorAsync("[data-testid=agreements]");
        Assert.Contains("gbr-ukr-2024", await page.InnerTextAsync("[data-testid=agreements]"));
        await page.GotoAsync("/network?on=2025-06-01&origin=pacta");
        await page.WaitForSelectorAsync("[data-testid=network] canvas");
        Assert.Contains("guarantee(s)", await page.InnerTextAsync("main"));
        await page.GotoAsync("/cascade?attacker=RUS&target=EST&date=2025-06-01&trials=1000&include_atop=false");
        await page.WaitForSelectorAsync("[data-testid=cascade-bars] li", new PageWaitForSelectorOptions { Timeout = 60_000 });
        Assert.Contains("USA", await page.TextContentAsync("[data-testid=cascade-list]"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.File("cascade-estonia-2025.png") });
        await page.GotoAsync("/api-reference");
        await page.WaitForSelectorAsync(".swagger-ui .opblock");
        Assert.Contains("/api/what-if", await page.InnerTextAsync("main"));
    }
}
