using Microsoft.Playwright;

namespace Pacta.Web.Tests;

/// <summary>
/// The studio's assessment per scenario class (the JSON's <c>classes</c>, the rows of <c>pacta assess</c>'s table) on
/// the template (tests/fixtures/studio/bilateral-guarantee.yaml: the USA owes Ukraine automatic armed assistance within
/// PT72H against an armed attack by anyone): Russia attacking during the war is a class in which the draft obliges the
/// USA in every scenario, with strength, bindingness and deadline in words; a threat of attack by Russia is marked as
/// a gap (no one owes more than consultation); an edit of the deadline to P7D changes the row; and the page breaks no
/// rule of the Content-Security-Policy while it draws the table.
/// </summary>
[Collection("server")]
public sealed class StudioClassTableBrowserTests(ServerFixture server, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string RecordViolations = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e =>
          window.__cspViolations.push(`${e.violatedDirective} refused ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`));
        """;

    [ChromiumFact]
    public async Task The_class_table_marks_gaps_gives_the_draft_duties_and_follows_an_edit()
    {
        var page = await UiPages.Open(browser, server);
        await page.AddInitScriptAsync(RecordViolations);
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.PageError += (_, e) => errors.Enqueue(e);
        await page.GotoAsync("/studio");

        var attack = page.Locator("[data-testid=class-table] tr[data-class^='UKR|RUS|false|armed-attack|']");
        await attack.First.WaitForAsync(new() { Timeout = 60_000 });
        var duties = attack.First.Locator("[data-testid=class-draft]");
        var before = await duties.InnerTextAsync();
        Assert.Contains("USA: automatic (legal), within 72 hours (PT72H)", before, StringComparison.Ordinal);
        Assert.Matches(@"in (\d+)/\1", before);
        Assert.Equal("0/", (await attack.First.Locator("[data-testid=class-gaps]").InnerTextAsync())[..2]);

        // A threat of attack: a gap in every scenario, marked by the row's class and by the word.
        var threat = page.Locator("[data-testid=class-table] tr[data-class^='UKR|RUS|false|threat-of-attack|']").First;
        Assert.Equal("gap", await threat.GetAttributeAsync("class"));
        Assert.Matches(@"^gap (\d+)/\1$", await threat.Locator(".badge.gap").InnerTextAsync());
        Assert.Equal("R1", await page.InnerTextAsync("[data-testid=reading-legend] dt"));

        // The deadline PT72H (line 40) becomes P7D: the row says so after the update.
        await StudioBrowserTests.EndOfLine(page, 40, "deadline: PT72H");
        for (var i = 0; i < "T72H".Length; i++) await page.Keyboard.PressAsync("Backspace");
        await page.Keyboard.TypeAsync("7D");
        await page.Locator(".cm-activeLine", new PageLocatorOptions { HasTextString = "deadline: P7D" }).WaitForAsync();
        await page.WaitForFunctionAsync("""
            () => document.querySelector("[data-testid=class-table] tr[data-class^='UKR|RUS|false|armed-attack|'] [data-testid=class-draft]")
              ?.textContent.includes('within 7 days (P7D)')
            """, null, new() { Timeout = 60_000 });

        // Only the classes with gaps: every row shown is marked.
        await page.SelectOptionAsync("select[name=class-filter]", "gaps");
        var rows = page.Locator("[data-testid=class-table] tbody tr:not(.class-group)");
        Assert.True(await rows.CountAsync() > 0);
        Assert.Equal(0, await page.Locator("[data-testid=class-table] tbody tr.no-gap").CountAsync());

        var csp = await page.EvaluateAsync<string[]>("() => window.__cspViolations ?? []");
        Assert.True(csp.Length == 0 && errors.IsEmpty, string.Join('\n', [.. csp, .. errors]));
        await page.Context.CloseAsync();
    }
}
