using Microsoft.Playwright;

namespace Pacta.Web.Tests;

/// <summary>
/// Readings, event attributes and the server's vocabulary in the what-if page (desktop 1440×900 and phone 390×844):
/// the contested clauses of a result with their readings, sources and default; choosing one evaluates again with
/// <c>reading=</c>; the result names the readings used and marks items that depend on one; thresholds and void-if
/// take yes / no / unknown per attribute the corpus asks about, and [undecided] items are shown apart with what
/// decides them.
/// </summary>
[Collection("server")]
public sealed class ReadingsBrowserTests(ServerFixture server, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    // Russia attacks Ukraine in 2025: the bilateral agreements' post-war gate decides whether their 24 h consultation is owed.
    private const string Ukraine2025 = "/what-if?attacker=RUS&target=UKR&date=2025-06-01&include_atop=false";
    // The US draft guarantee of November 2025, adopted, after an assumed ceasefire: its threshold and void-if ask about the attack.
    private const string Draft = "/what-if?attacker=RUS&target=UKR&date=2027-03-01&ceasefire=2026-06-01&adopted=usa-ukr-draft-2025-11&include_atop=false";

    public static TheoryData<int, int> Sizes => new() { { UiPages.DesktopWidth, UiPages.DesktopHeight }, { UiPages.PhoneWidth, UiPages.PhoneHeight } };
    private static string Size(int w) => w == UiPages.PhoneWidth ? "phone" : "desktop";

    [ChromiumTheory]
    [MemberData(nameof(Sizes))]
    public async Task Choosing_a_reading_evaluates_again_and_marks_what_depends_on_it(int width, int height)
    {
        var page = await UiPages.Open(browser, server, width, height);
        await page.GotoAsync(Ukraine2025);
        await page.WaitForSelectorAsync("[data-testid=answer]");

        // The control lists the contested clauses of this result, each with its readings, sources and default with its reason.
        var control = page.Locator("[data-testid=readings]");
        Assert.Contains("contested clause", await control.Locator("summary").InnerTextAsync());
        var gate = control.Locator("fieldset[data-clause='deu-ukr-2024/consult-on-future-attack:post-war-gate']");
        await control.Locator("summary").ClickAsync();
        var text = await gate.InnerTextAsync();
        Assert.Contains("after-hostilities", text);
        Assert.Contains("renewed-aggression", text);
        Assert.Contains("Default after-hostilities:", text);
        Assert.Contains("Sources:", text);
        Assert.True(await gate.Locator("input[value=after-hostilities]").IsCheckedAsync());
        Assert.Contains("the default of each", await page.InnerTextAsync("[data-testid=readings-used]"));
        Assert.Equal(0, await page.Locator("[data-testid=triggered] article[data-agreement=deu-ukr-2024]").CountAsync());

        // Choosing the other reading evaluates again with reading= in the request and the URL.
        var request = page.WaitForRequestAsync(r => r.Url.Contains("/api/what-if") && r.Url.Contains("reading="));
        await gate.Locator("input[value=renewed-aggression]").CheckAsync();
        var sent = await request;
        Assert.Contains("post-war-gate%3Drenewed-aggression", sent.Url);
        await page.WaitForSelectorAsync("[data-testid=readings-used]:has-text('Readings chosen')");
        Assert.Contains("reading=", page.Url);
        Assert.Contains("post-war-gate = renewed-aggression", await page.InnerTextAsync("[data-testid=readings-used]"));

        // Germany's consultation is now owed, and says it depends on the reading chosen.
        var card = page.Locator("[data-testid=triggered] article[data-agreement=deu-ukr-2024]");
        await card.First.WaitForAsync();
        Assert.Contains("depends on reading: post-war-gate = renewed-aggression", await card.First.Locator("[data-testid=depends-on-reading]").InnerTextAsync());
        Assert.True(await page.Locator("[data-testid=readings] fieldset[data-clause='deu-ukr-2024/consult-on-future-attack:post-war-gate'] input[value=renewed-aggression]").IsCheckedAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.File($"web2-readings-{Size(width)}.png"), FullPage = width != UiPages.PhoneWidth });
        await gate.ScreenshotAsync(new LocatorScreenshotOptions { Path = Artifacts.File($"web2-readings-clause-{Size(width)}.png") });

        // The URL restores the choice.
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("[data-testid=readings-used]:has-text('Readings chosen')");
        Assert.True(await page.Locator("[data-testid=triggered] article[data-agreement=deu-ukr-2024]").CountAsync() > 0);
        await page.Context.CloseAsync();
    }

    [ChromiumTheory]
    [MemberData(nameof(Sizes))]
    public async Task Thresholds_and_void_if_ask_for_the_corpus_attributes_and_undecided_items_stand_apart(int width, int height)
    {
        var page = await UiPages.Open(browser, server, width, height);
        var attributes = page.WaitForResponseAsync(r => r.Url.EndsWith("/api/event-attributes", StringComparison.Ordinal));
        await page.GotoAsync(Draft);
        await attributes;
        await page.WaitForSelectorAsync("[data-testid=answer]");

        // One yes/no/unknown choice per attribute the corpus's thresholds and void-if name.
        var names = await page.EvalOnSelectorAllAsync<string[]>("[data-testid=event-attributes] select", "els => els.map(e => e.dataset.attribute)");
        Assert.Contains("significant", names);
        Assert.Contains("deliberate", names);
        Assert.Contains("sustained", names);
        Assert.Contains("target-attacked-first", names);
        Assert.Equal(["unknown", "yes", "no"], await page.EvalOnSelectorAllAsync<string[]>("select[data-attribute=sustained] option", "els => els.map(e => e.value)"));

        // Nothing stated: the draft's obligation is [undecided], apart, with what would decide it.
        var undecided = page.Locator("[data-testid=undecided] article[data-agreement=usa-ukr-draft-2025-11]");
        await undecided.First.WaitForAsync();
        var text = await undecided.First.InnerTextAsync();
        Assert.Contains("threshold undecided", text);
        Assert.Contains("sustained", text);
        Assert.True(await undecided.First.Locator("button[data-decide='sustained=yes']").CountAsync() == 1);
        // Every decide button is on the screen (they wrap on a phone).
        var beyond = await page.EvalOnSelectorAllAsync<int>("[data-testid=undecided] button[data-decide]", "els => els.filter(e => e.getBoundingClientRect().right > window.innerWidth).length");
        Assert.Equal(0, beyond);
        Assert.Contains("[undecided]", await page.InnerTextAsync("[data-testid=triggered] article[data-agreement=usa-ukr-draft-2025-11]"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.File($"web2-undecided-{Size(width)}.png"), FullPage = width != UiPages.PhoneWidth });
        await page.Locator("[data-testid=undecided]").ScreenshotAsync(new LocatorScreenshotOptions { Path = Artifacts.File($"web2-undecided-section-{Size(width)}.png") });
        await page.Locator("[data-testid=event-attributes]").ScreenshotAsync(new LocatorScreenshotOptions { Path = Artifacts.File($"web2-event-attributes-{Size(width)}.png") });

        // Stating every attribute decides it: sent as event_attributes, the undecided section goes.
        foreach (var (name, value) in new[] { ("significant", "yes"), ("deliberate", "yes"), ("sustained", "yes"), ("target-attacked-first", "no") })
            await page.SelectOptionAsync($"select[data-attribute={name}]", value);
        var request = page.WaitForRequestAsync(r => r.Url.Contains("/api/what-if") && r.Url.Contains("event_attributes="));
        await page.ClickAsync("button[type=submit]:has-text('Evaluate')");
        Assert.Contains("target-attacked-first%3Dno", (await request).Url);
        await page.WaitForSelectorAsync("[data-testid=attributes-used]");
        Assert.Equal(0, await page.Locator("[data-testid=undecided]").CountAsync());
        Assert.DoesNotContain("[undecided]", await page.InnerTextAsync("[data-testid=triggered] article[data-agreement=usa-ukr-draft-2025-11]"));

        // Ukraine attacked first voids the clause: no obligation from the draft.
        await page.SelectOptionAsync("select[data-attribute=target-attacked-first]", "yes");
        await page.ClickAsync("button[type=submit]:has-text('Evaluate')");
        await page.WaitForSelectorAsync("[data-testid=attributes-used]:has-text('target-attacked-first = yes')");
        Assert.Equal(0, await page.Locator("[data-testid=triggered] article[data-agreement=usa-ukr-draft-2025-11]").CountAsync());
        Assert.Equal(0, (await UiPages.Axe(page)).Count(UiPages.Serious));
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task A_decide_button_states_the_attribute_and_evaluates_again()
    {
        var page = await UiPages.Open(browser, server, UiPages.PhoneWidth, UiPages.PhoneHeight);
        await page.GotoAsync(Draft);
        await page.Locator("[data-testid=undecided] button[data-decide='sustained=no']").First.ClickAsync();
        await page.WaitForSelectorAsync("[data-testid=attributes-used]:has-text('sustained = no')");
        Assert.Equal("no", await page.InputValueAsync("select[data-attribute=sustained]"));
        Assert.Contains("event_attributes=sustained%3Dno", page.Url);
        // Below the threshold: the draft's obligation is not owed, undecided or not.
        Assert.Equal(0, await page.Locator("[data-testid=triggered] article[data-agreement=usa-ukr-draft-2025-11]").CountAsync());
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task The_cascade_page_names_its_readings_and_takes_another()
    {
        var page = await UiPages.Open(browser, server, UiPages.PhoneWidth, UiPages.PhoneHeight);
        await page.GotoAsync("/cascade?attacker=RUS&target=UKR&date=2025-06-01&include_atop=false");
        await page.WaitForSelectorAsync("[data-testid=readings-used]");
        Assert.Contains("the default of each", await page.InnerTextAsync("[data-testid=readings-used]"));
        await page.ClickAsync("[data-testid=readings] summary");
        var request = page.WaitForRequestAsync(r => r.Url.Contains("/api/cascade") && r.Url.Contains("reading="));
        await page.Locator("[data-testid=readings] fieldset[data-clause='deu-ukr-2024/consult-on-future-attack:post-war-gate'] input[value=renewed-aggression]").CheckAsync();
        Assert.Contains("post-war-gate%3Drenewed-aggression", (await request).Url);
        await page.WaitForSelectorAsync("[data-testid=readings-used]:has-text('post-war-gate = renewed-aggression')");
        Assert.Contains("reading=", page.Url);
        await page.Locator("[data-testid=readings]").ScreenshotAsync(new LocatorScreenshotOptions { Path = Artifacts.File("web2-cascade-readings-phone.png") });
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task Event_kinds_and_strength_ranks_come_from_the_server_vocabulary()
    {
        var page = await UiPages.Open(browser, server);
        var vocabulary = page.WaitForResponseAsync(r => r.Url.EndsWith("/api/vocabulary", StringComparison.Ordinal));
        await page.GotoAsync("/what-if");
        var words = System.Text.Json.Nodes.JsonNode.Parse(await (await vocabulary).TextAsync())!;
        await page.WaitForSelectorAsync("select[name=kind] option", new() { State = WaitForSelectorState.Attached });
        var kinds = await page.EvalOnSelectorAllAsync<string[]>("select[name=kind] option", "els => els.map(e => e.value)");
        Assert.Equal(words["event_kinds"]!.AsArray().Select(k => (string)k!).ToArray(), kinds);
        // The map's legend: one column per strength, strongest first, as the server ranks them.
        var columns = await page.EvalOnSelectorAllAsync<string[]>("table.legend-grid thead th:not(:first-child)", "els => els.map(e => e.textContent.trim())");
        Assert.Equal(words["strength_ranks"]!.AsArray().Select(k => (string)k!).ToArray(), columns);
        await page.Context.CloseAsync();
    }
}
