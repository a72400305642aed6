using Microsoft.Playwright;

namespace Pacta.Web.Tests;

/// <summary>
/// Issue 16, items 1 and 2 in a real browser (1440×900 and 390×844): the what-if page opens with the answer, in the
/// server's order, ATOP data folded as historical, not-triggered items folded by reason and searchable, "forthwith"
/// shown as immediate; the map draws Crimea and Sevastopol as Ukraine's (UA-43, UA-40), marked occupied and
/// clickable, and colours kind and strength apart.
/// </summary>
[Collection("server")]
public sealed class AnswerFirstBrowserTests(ServerFixture server, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Estonia = "/what-if?attacker=RUS&target=EST&date=2025-06-01&location=EE";

    [ChromiumFact]
    public async Task Estonia_opens_with_the_answer_defence_first_and_atop_folded()
    {
        var page = await UiPages.Open(browser, server);
        await page.GotoAsync(Estonia);
        await page.WaitForSelectorAsync("[data-testid=answer]");

        // The answer comes before the deadlines and the details.
        var order = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#results [data-testid]')].map(e => e.dataset.testid).filter(t => ['answer','timeline','triggered','not-triggered'].includes(t))");
        Assert.Equal(["answer", "timeline", "triggered", "not-triggered"], order.Distinct().ToArray());

        // Groups of hand-encoded agreements: defence before consultation before neutrality; NATO Art. 5 binds 31.
        var groups = page.Locator("[data-testid=answer-groups] > li");
        var kinds = await page.EvalOnSelectorAllAsync<string[]>("[data-testid=answer-groups] > li .tag.kind", "els => els.map(e => e.dataset.kind)");
        var rank = new[] { "defence", "support", "consultation", "neutrality" };
        Assert.Equal("defence", kinds[0]);
        Assert.True(kinds.Select(k => Array.IndexOf(rank, k)).SequenceEqual(kinds.Select(k => Array.IndexOf(rank, k)).Order()), string.Join(", ", kinds));
        var art5 = page.Locator("[data-testid=answer-groups] > li[data-agreement=north-atlantic-treaty-1949][data-provision='Art. 5']");
        Assert.Equal("31", (await art5.Locator(".count").InnerTextAsync()).Trim());
        var art5Text = await art5.InnerTextAsync();
        Assert.Contains("states under The North Atlantic Treaty Art. 5", art5Text);
        Assert.Contains("immediate", art5Text);
        Assert.DoesNotContain("atop-", await page.InnerTextAsync("[data-testid=answer-groups]"));

        // Per state, its strongest obligation, kind, deadline and clause.
        var usa = await page.InnerTextAsync("[data-testid=per-state] tr[data-state=USA]");
        Assert.Contains("north-atlantic-treaty-1949", usa);
        Assert.Contains("defence", usa);
        Assert.Contains("immediate", usa);
        Assert.Contains("Art. 5", usa);

        // ATOP data: folded, said to be historical and possibly out of date.
        var historical = page.Locator("[data-testid=answer] [data-testid=historical]");
        Assert.False(await historical.EvaluateAsync<bool>("d => d.open"));
        Assert.Contains("may be out of date", await historical.TextContentAsync());
        Assert.Contains("atop-", await historical.TextContentAsync());

        // "forthwith" counts as a deadline: immediate, with no hour limit.
        var deadlines = await page.InnerTextAsync("[data-testid=timeline] h2");
        Assert.DoesNotContain("(0)", deadlines);
        Assert.Contains("immediate", await page.InnerTextAsync("[data-testid=timeline]"));

        // Not triggered: folded by reason, searchable; the page stays short.
        var folds = await page.Locator("[data-testid=not-triggered] details.reason").CountAsync();
        Assert.InRange(folds, 2, 30);
        Assert.Equal(0, await page.Locator("[data-testid=not-triggered] details.reason[open]").CountAsync());
        var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        Assert.True(height < 12_000, $"the page is {height} px tall");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.File("issue16-what-if-answer-desktop.png"), FullPage = true });

        await page.FillAsync("input[name=not-triggered-search]", "wrong target");
        var open = page.Locator("[data-testid=not-triggered] details.reason[open]:not([hidden])");
        await open.First.WaitForAsync();
        Assert.Equal("wrong target", await open.First.GetAttributeAsync("data-reason"));
        var visible = await page.EvalOnSelectorAllAsync<string[]>("[data-testid=not-triggered] li[data-text]:not([hidden])", "els => els.map(e => e.dataset.text)");
        Assert.NotEmpty(visible);
        Assert.All(visible, t => Assert.Contains("wrong target", t));
        await page.Locator("[data-testid=not-triggered]").ScreenshotAsync(new LocatorScreenshotOptions { Path = Artifacts.File("issue16-not-triggered-search.png") });
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task On_a_phone_the_answer_is_scrolled_into_view_after_evaluate()
    {
        var page = await UiPages.Open(browser, server, UiPages.PhoneWidth, UiPages.PhoneHeight);
        await page.GotoAsync("/what-if");
        await page.FillAsync("input[name=attacker]", "RUS");
        await page.FillAsync("input[name=target]", "EST");
        await page.FillAsync("input[name=date]", "2025-06-01");
        await page.ClickAsync("button[type=submit]:has-text('Evaluate')");
        await page.WaitForSelectorAsync("[data-testid=answer]");
        await page.WaitForFunctionAsync("() => window.scrollY > 0");
        var top = await page.EvaluateAsync<double>("() => document.getElementById('results').getBoundingClientRect().top");
        Assert.InRange(top, -2, UiPages.PhoneHeight / 2);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.File("issue16-what-if-answer-phone.png") });
        var wide = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(wide, "the what-if page scrolls sideways at phone width");
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task The_map_draws_Crimea_and_Sevastopol_as_Ukraine_occupied_and_clickable()
    {
        var page = await UiPages.Open(browser, server);
        await page.GotoAsync("/what-if?attacker=RUS&target=UKR&date=2025-06-01&location=UA-63");
        await page.WaitForSelectorAsync("[data-testid=answer]");

        foreach (var code in new[] { "UA-43", "UA-40" })
        {
            var area = page.Locator($"svg.map path.country[data-iso2={code}]");
            Assert.True(await area.CountAsync() >= 1, code);
            Assert.Equal("UKR", await area.First.GetAttributeAsync("data-iso3"));
            Assert.Equal("target", await area.First.GetAttributeAsync("data-role"));
            Assert.Contains("occupied", await area.First.Locator("title").TextContentAsync());
        }
        Assert.Equal("attacker", await page.GetAttributeAsync("svg.map path.country[data-iso3=RUS]", "data-role"));
        Assert.True(await page.Locator("svg.map path.occupied").CountAsync() >= 2);

        // Clicking them in the Black Sea inset sets the location to the Ukrainian subdivision.
        await page.Locator("[data-testid=inset] path.country[data-iso2=UA-43]").ClickAsync(new LocatorClickOptions { Force = true });
        Assert.Equal("UA-43", await page.InputValueAsync("input[name=location]"));
        await page.Locator("[data-testid=inset] path.country[data-iso2=UA-40]").ClickAsync(new LocatorClickOptions { Force = true });
        Assert.Equal("UA-40", await page.InputValueAsync("input[name=location]"));
        await page.Locator("[data-testid=map]").ScreenshotAsync(new LocatorScreenshotOptions { Path = Artifacts.File("issue16-map-crimea.png") });

        // An attack on Crimea itself: the evaluation's location is UA-43, inside Ukraine's borders.
        await page.ClickAsync("button[type=submit]:has-text('Evaluate')");
        await page.WaitForSelectorAsync("[data-testid=summary]:has-text('UA-40')");
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task The_map_colours_kind_and_strength_apart_with_a_legend()
    {
        var page = await UiPages.Open(browser, server);
        await page.GotoAsync(Estonia);
        await page.WaitForSelectorAsync("[data-testid=answer]");
        Assert.Equal("defence", await page.GetAttributeAsync("svg.map path.country[data-iso3=USA]", "data-kind"));
        // Ukraine owes Estonia only ATOP neutrality and consultation: not painted as a defender.
        var ukr = await page.GetAttributeAsync("svg.map path.country[data-iso3=UKR]", "data-kind");
        Assert.NotEqual("defence", ukr);
        var fill = (string sel) => page.EvalOnSelectorAsync<string>(sel, "e => getComputedStyle(e).fill");
        Assert.NotEqual(await fill("svg.map path.country[data-iso3=USA]"), await fill("svg.map path.country[data-iso3=UKR]"));
        // Legend: 4 kinds × 3 strengths, plus attacker, target, none and occupied.
        Assert.Equal(12, await page.Locator("[data-testid=legend] .legend-grid td .sw").CountAsync());
        var legend = await page.InnerTextAsync("[data-testid=legend]");
        foreach (var word in new[] { "defence", "support", "consultation", "neutrality", "automatic", "discretionary", "consultative", "occupied" })
            Assert.Contains(word, legend);
        await page.Locator("[data-testid=map]").ScreenshotAsync(new LocatorScreenshotOptions { Path = Artifacts.File("issue16-map-estonia-kinds.png") });

        var phone = await UiPages.Open(browser, server, UiPages.PhoneWidth, UiPages.PhoneHeight);
        await phone.GotoAsync(Estonia);
        await phone.WaitForSelectorAsync("[data-testid=answer]");
        await phone.Locator("[data-testid=map]").ScreenshotAsync(new LocatorScreenshotOptions { Path = Artifacts.File("issue16-map-phone.png") });
        await page.Context.CloseAsync();
        await phone.Context.CloseAsync();
    }
}
