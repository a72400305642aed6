using Microsoft.Playwright;

namespace Pacta.Web.Tests;

/// <summary>
/// The drafting studio in Chromium: it loads the template and assesses it; an error typed into the editor is shown at
/// its line and column (inline and in the problems list); an edit updates the assessment; versions are saved, diffed
/// and restored; the share URL opens a version; axe-core finds no serious violation on a desktop or a phone.
/// </summary>
[Collection("server")]
public sealed class StudioBrowserTests(ServerFixture server, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>
    /// Puts the cursor at the end of line <paramref name="line"/> of the editor, which holds <paramref name="text"/>, by
    /// keyboard: CodeMirror draws only the lines near the screen, so a line further down may not be in the page to click
    /// on. The editor wraps long lines and ArrowDown moves by screen line, so it presses ArrowDown until the cursor's
    /// line holds the text, then checks that line's number in the gutter.
    /// </summary>
    internal static async Task EndOfLine(IPage page, int line, string text)
    {
        await page.Locator(".cm-content .cm-line").First.ClickAsync();
        await page.Keyboard.PressAsync("Control+Home");
        var here = page.Locator(".cm-activeLine", new PageLocatorOptions { HasTextString = text });
        for (var i = 0; i < 500 && await here.CountAsync() == 0; i++) await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("End");
        await here.WaitForAsync();
        var number = await page.EvaluateAsync<string?>("""
            () => {
              const top = document.querySelector('.cm-activeLine').getBoundingClientRect().top;
              const g = [...document.querySelectorAll('.cm-lineNumbers .cm-gutterElement')].find(e => Math.abs(e.getBoundingClientRect().top - top) < 2);
              return g ? g.textContent : null;
            }
            """);
        Assert.Equal(line.ToString(System.Globalization.CultureInfo.InvariantCulture), number);
    }

    /// <summary>Waits until the editor shows a line holding <paramref name="text"/> near its end (scrolled there by keyboard).</summary>
    private static async Task ShownNearTheEnd(IPage page, string text)
    {
        await page.Locator(".cm-content .cm-line").First.ClickAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Locator(".cm-line", new PageLocatorOptions { HasTextString = text }).WaitForAsync();
    }

    [ChromiumFact]
    public async Task Edit_shows_the_error_at_its_line_and_updates_the_assessment()
    {
        var page = await UiPages.Open(browser, server);
        await page.GotoAsync("/studio");
        var obliges = page.Locator("[data-testid=a-obliges]");
        await obliges.WaitForAsync();
        var before = int.Parse(await obliges.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(before > 0);
        var serious = (await UiPages.Axe(page)).Where(UiPages.Serious).ToList();
        Assert.True(serious.Count == 0, string.Join('\n', serious));

        // "strength: automatic" is line 39; the misspelling is reported where its value starts, column 19.
        await EndOfLine(page, 39, "strength: automatic");
        await page.Keyboard.PressAsync("Backspace");
        await page.Keyboard.PressAsync("Backspace");
        await page.Keyboard.TypeAsync("c");
        var problem = page.Locator("[data-testid=diagnostics] li.error");
        await problem.WaitForAsync();
        Assert.Equal("39", await problem.GetAttributeAsync("data-line"));
        Assert.Equal("19", await problem.GetAttributeAsync("data-column"));
        Assert.Contains("automatc", await problem.InnerTextAsync(), StringComparison.Ordinal);
        var inline = page.Locator(".cm-content .cm-lintRange-error");
        await inline.WaitForAsync();
        Assert.Equal("automatc", await inline.InnerTextAsync());
        // Underlined on the line the cursor is on: line 39, where the misspelling was typed.
        Assert.True(await inline.EvaluateAsync<bool>("e => e.closest('.cm-line').classList.contains('cm-activeLine')"));

        // Mended, then the trigger widened to threats of attack: the draft now obliges in more scenarios.
        await page.Keyboard.PressAsync("Backspace");
        await page.Keyboard.TypeAsync("ic");
        await page.Locator("[data-testid=diagnostics] li.ok").WaitForAsync();
        await EndOfLine(page, 32, "kinds: [armed-attack]");
        await page.Keyboard.PressAsync("ArrowLeft");
        await page.Keyboard.TypeAsync(", threat-of-attack");
        await page.WaitForFunctionAsync($"() => document.querySelector('[data-testid=a-obliges]')?.textContent !== '{before}'");
        Assert.True(int.Parse(await obliges.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture) > before);
        Assert.Equal(4, await page.Locator("[data-testid=studio-compare-table] thead th").CountAsync() - 1);

        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task Versions_are_saved_diffed_and_restored_in_the_page()
    {
        var page = await UiPages.Open(browser, server);
        // Uncaught errors of the page's scripts (console messages and CSP violations: StudioCleanLoadBrowserTests).
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.PageError += (_, e) => errors.Enqueue(e);
        await page.GotoAsync("/studio");
        await page.Locator("[data-testid=a-obliges]").WaitForAsync();
        // Version 1, then version 2 with a week instead of 72 hours.
        var id = $"studio-ui-{Guid.NewGuid():N}"[..20];
        // The id field holds the server's rule: an upper-case id is refused before any request, a valid one accepted.
        await page.FillAsync("input[name=draft-id]", "Studio UI");
        Assert.False(await page.EvalOnSelectorAsync<bool>("input[name=draft-id]", "e => e.validity.valid"));
        await page.FillAsync("input[name=draft-id]", id);
        Assert.True(await page.EvalOnSelectorAsync<bool>("input[name=draft-id]", "e => e.validity.valid"));
        await page.FillAsync("input[name=author]", "Ana");
        await page.FillAsync("input[name=note]", "armed attacks and threats");
        await page.ClickAsync("button:text-is('Save version')");
        await SharedAs(page, $"/studio/{id}@1");
        await EndOfLine(page, 40, "deadline: PT72H");
        // "T72H" goes, "7D" comes: PT72H becomes P7D (typing "P7D" after four Backspaces gave the invalid "PP7D").
        for (var i = 0; i < "T72H".Length; i++) await page.Keyboard.PressAsync("Backspace");
        await page.Keyboard.TypeAsync("7D");
        await page.Locator(".cm-activeLine", new PageLocatorOptions { HasTextString = "deadline: P7D" }).WaitForAsync();
        await page.FillAsync("input[name=note]", "a week");
        await page.ClickAsync("button:text-is('Save version')");
        await SharedAs(page, $"/studio/{id}@2");
        Assert.Equal(2, await page.Locator("[data-testid=versions] li[data-version]").CountAsync());

        // The diff of the text (version 2) against version 1 names the deadline.
        await page.ClickAsync("button[aria-label='Diff the text against version 1']");
        // The diff's outcome, or the error it met (quoted in the failure).
        await page.Locator("[data-testid=diff-outcome], [data-testid=diff] .error").First.WaitForAsync();
        if (await page.Locator("[data-testid=diff] .error").CountAsync() > 0) Assert.Fail("the diff failed: " + await page.InnerTextAsync("[data-testid=diff]"));
        Assert.Contains("deadline", await page.InnerTextAsync("[data-testid=diff] ul.changes"), StringComparison.Ordinal);

        // Restoring version 1 saves it again as version 3 and puts its text back in the editor.
        await page.ClickAsync("button[aria-label='Restore version 1']");
        await page.Locator("[data-testid=versions] li[data-version='3']").WaitForAsync();
        await ShownNearTheEnd(page, "deadline: PT72H");
        Assert.EndsWith($"/studio/{id}@3", page.Url, StringComparison.Ordinal);

        // The share URL of version 2 opens its text.
        await page.GotoAsync($"/studio/{id}@2");
        await page.Locator("[data-testid=a-scenarios]").WaitForAsync();
        await ShownNearTheEnd(page, "deadline: P7D");
        Assert.True(errors.IsEmpty, string.Join('\n', errors));
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// Waits for the share link of <paramref name="path"/> after a save; when it does not come, the failure quotes the
    /// page's save line, which shows the error the save met.
    /// </summary>
    private static async Task SharedAs(IPage page, string path)
    {
        try
        {
            await page.Locator("[data-testid=share-link]", new PageLocatorOptions { HasTextString = path }).WaitForAsync(new() { Timeout = 20_000 });
        }
        catch (System.TimeoutException)
        {
            Assert.Fail($"no share link for {path}; the page says: {await page.InnerTextAsync("[data-testid=studio-saved]")}");
        }
    }

    [ChromiumFact]
    public async Task On_a_phone_the_studio_fits_the_screen_and_axe_finds_no_serious_violation()
    {
        var page = await UiPages.Open(browser, server, UiPages.PhoneWidth, UiPages.PhoneHeight);
        await page.GotoAsync("/studio");
        await page.Locator("[data-testid=a-scenarios]").WaitForAsync();
        var overflow = await page.EvaluateAsync<double>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the page is {overflow} px wider than the phone");
        var serious = (await UiPages.Axe(page)).Where(UiPages.Serious).ToList();
        Assert.True(serious.Count == 0, string.Join('\n', serious));
        await page.Context.CloseAsync();
    }
}
