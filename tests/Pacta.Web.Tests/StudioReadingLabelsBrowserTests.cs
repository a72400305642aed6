namespace Pacta.Web.Tests;

/// <summary>
/// The studio's diff names each combination of readings by the agreement, provision and clause it reads, as the CLI's
/// <c>pacta diff</c> does: the 2024 US–Ukraine agreement has two contested clauses (its bindingness, and the post-war
/// gate of its clause on a future attack), so its diff against itself lists 4 combinations, each the same outcome.
/// </summary>
[Collection("server")]
public sealed class StudioReadingLabelsBrowserTests(ServerFixture server, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [ChromiumFact]
    public async Task The_diff_per_reading_names_the_provision_and_the_reading()
    {
        var page = await UiPages.Open(browser, server);
        await page.GotoAsync("/studio");
        await page.Locator("[data-testid=a-obliges]").WaitForAsync();
        await page.SelectOptionAsync("select[name=start]", "usa-ukr-2024");
        await page.ClickAsync("form.studio-start button[type=submit]");
        await page.Locator(".cm-line", new() { HasTextString = "id: usa-ukr-2024" }).First.WaitForAsync();
        await page.SelectOptionAsync("select[name=diff-agreement]", "usa-ukr-2024");
        await page.ClickAsync("form.studio-diff button[type=submit]");
        var rows = page.Locator("[data-testid=diff-by-reading] li");
        await rows.First.WaitForAsync(new() { Timeout = 90_000 });
        var texts = await rows.AllInnerTextsAsync();
        Assert.Equal(4, texts.Count);
        const string gate = "usa-ukr-2024 consult-on-future-attack (Response to a future armed attack (section number not retrieved)), clause post-war-gate — reading ";
        Assert.Equal(2, texts.Count(t => t.Contains(gate + "'after-hostilities' (default)", StringComparison.Ordinal)));
        Assert.Equal(2, texts.Count(t => t.Contains(gate + "'renewed-aggression'", StringComparison.Ordinal)));
        Assert.All(texts, t => Assert.Contains(": the same outcome in all ", t, StringComparison.Ordinal));
        Assert.All(texts, t => Assert.DoesNotContain("post-war-gate=", t, StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }
}
