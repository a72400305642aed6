using Microsoft.Playwright;

namespace Pacta.Web.Tests;

/// <summary>
/// Issue 16, items 5 and 6 in a real browser: the network (filters, clusters, labels that do not overlap, a list on a
/// phone, its render time measured), the first what-if view's bytes on the wire and the reference data revalidated by
/// ETag, active navigation, the proposals list, the API explorer, and an axe-core scan of every page. Measured
/// figures go to tests/Pacta.Web.Tests/artifacts/issue16-figures.txt; times are reported, never asserted.
/// </summary>
[Collection("server")]
public sealed class FinishedProductBrowserTests(ServerFixture server, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static void Report(string name, string text)
    {
        lock (typeof(FinishedProductBrowserTests))
            File.AppendAllText(Artifacts.File("issue16-figures.txt"), $"== {name} ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)\n{text}\n\n");
    }

    [ChromiumFact]
    public async Task Network_of_both_origins_draws_clusters_with_labels_apart_and_filters()
    {
        var page = await UiPages.Open(browser, server);
        var traffic = new UiPages.Traffic(page);
        await page.GotoAsync("/network?on=2025-06-01&origin=");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=network]')?.dataset.renderMs");
        var render = await page.GetAttributeAsync("[data-testid=network]", "data-render-ms");
        var fetch = await page.GetAttributeAsync("[data-testid=network]", "data-fetch-ms");
        var (bytes, report) = await traffic.Measure();
        var graphBytes = report.Split('\n').Where(l => l.Contains("/api/network/graph", StringComparison.Ordinal)).ToList();
        Report("network, both origins, 2025-06-01, 1440x900", $"render {render} ms (data to first frame), fetch {fetch} ms; page total {bytes:N0} B on the wire\n{string.Join('\n', graphBytes)}");

        // Organizations are clusters (compound nodes), and no two state labels overlap.
        var check = await page.EvaluateAsync<string>("""
            () => {
              const cy = document.querySelector('[data-testid=network]')._cyreg.cy;
              const parents = cy.nodes(':parent').map(n => n.data('label'));
              const box = n => ({ id: n.data('label'), b: n.boundingBox({ includeLabels: true, includeOverlays: false }) });
              const overlapping = boxes => {
                let overlaps = 0, example = '';
                for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
                  const a = boxes[i].b, b = boxes[j].b;
                  if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) { overlaps++; example ||= boxes[i].id + '/' + boxes[j].id; }
                }
                return [overlaps, example];
              };
              const states = cy.nodes(':childless').map(box), clusters = cy.nodes(':parent').map(box);
              const [overlaps, example] = overlapping(states), [clusterOverlaps, clusterExample] = overlapping(clusters);
              return JSON.stringify({ parents, nodes: states.length, overlaps, example, clusterOverlaps, clusterExample });
            }
            """);
        var result = System.Text.Json.JsonDocument.Parse(check).RootElement;
        Assert.Contains(result.GetProperty("parents").EnumerateArray(), p => p.GetString()!.StartsWith("NATO · ", StringComparison.Ordinal));
        Assert.True(result.GetProperty("nodes").GetInt32() > 50);
        Assert.True(result.GetProperty("overlaps").GetInt32() == 0, $"state labels overlap: {check}");
        Assert.True(result.GetProperty("clusterOverlaps").GetInt32() == 0, $"clusters or their labels overlap: {check}");
        Assert.DoesNotContain("null", await page.InnerTextAsync("main"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.File("issue16-network-both-desktop.png") });

        // Filters: kind and organization narrow the graph and land in the URL.
        var all = await page.InnerTextAsync("[data-testid=network-status]");
        await page.SelectOptionAsync("select[name=kind]", "defence");
        await page.SelectOptionAsync("select[name=organization]", "nato");
        await page.ClickAsync("button:has-text('Show')");
        await page.WaitForFunctionAsync("s => document.querySelector('[data-testid=network-status]').textContent !== s && document.querySelector('[data-testid=network-status]').textContent.includes('drawn')", all);
        Assert.Contains("kind=defence", page.Url);
        Assert.Contains("organization=nato", page.Url);
        int Count(string status) => int.Parse(status.Split(' ')[0], System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(Count(await page.InnerTextAsync("[data-testid=network-status]")) < Count(all));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.File("issue16-network-nato-defence.png") });
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task Network_on_a_phone_is_a_list()
    {
        var page = await UiPages.Open(browser, server, UiPages.PhoneWidth, UiPages.PhoneHeight);
        await page.GotoAsync("/network?on=2025-06-01&origin=pacta");
        await page.WaitForSelectorAsync("[data-testid=network-list]");
        Assert.False(await page.Locator("[data-testid=network]").IsVisibleAsync());
        Assert.Contains("North Atlantic Treaty Organization", await page.InnerTextAsync("[data-testid=network-list]"));
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"), "the network page scrolls sideways at phone width");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.File("issue16-network-phone.png") });
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task First_what_if_view_is_small_and_reference_data_is_revalidated()
    {
        // With the HTTP cache on (no routing); every response is checked to come from this server instead.
        var page = await UiPages.Open(browser, server, guard: false);
        var elsewhere = new List<string>();
        page.Request += (_, r) => { if (!r.Url.StartsWith(server.BaseUrl.ToString(), StringComparison.Ordinal) && !r.Url.StartsWith("data:", StringComparison.Ordinal)) lock (elsewhere) elsewhere.Add(r.Url); };
        var traffic = new UiPages.Traffic(page);
        await page.GotoAsync("/what-if?attacker=RUS&target=EST&date=2025-06-01&location=EE");
        await page.WaitForSelectorAsync("[data-testid=answer]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var (bytes, report) = await traffic.Measure();
        Report("first what-if view (Estonia 2025, empty cache), bytes on the wire", $"{bytes:N0} B in all\n{report}");
        Assert.DoesNotContain("/api/locations", report);
        Assert.True(bytes < 300 * 1024, $"the first what-if view is {bytes:N0} B:\n{report}");

        // A second visit does not download the reference data again: the browser revalidates it by its ETag (a 304
        // of headers only) or keeps it; the resource timing's transferSize says how many bytes came over the wire.
        await page.GotoAsync("/what-if");
        await page.WaitForSelectorAsync("input[name=attacker]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var again = await page.EvaluateAsync<string>("""
            () => performance.getEntriesByType('resource').filter(e => e.name.includes('/api/')).map(e => `${e.transferSize} ${e.encodedBodySize} ${e.name}`).join('\n')
            """);
        Report("second what-if visit: transferSize encodedBodySize url (reference data)", again);
        var states = again.Split('\n').Single(l => l.Contains("/api/states", StringComparison.Ordinal)).Split(' ');
        Assert.True(long.Parse(states[0], System.Globalization.CultureInfo.InvariantCulture) < 1_000, again);
        Assert.True(long.Parse(states[1], System.Globalization.CultureInfo.InvariantCulture) > 1_000, again);

        // "/" is the what-if page, and its nav item says so.
        await page.GotoAsync("/");
        await page.WaitForSelectorAsync("input[name=attacker]");
        Assert.Equal("page", await page.GetAttributeAsync("header nav a[href='/what-if']", "aria-current"));
        Assert.Equal(1, await page.Locator("header nav a[aria-current]").CountAsync());

        // Adopted proposals: proposals only (grc-ukr-2024 is signed), with whole labels.
        var proposals = await page.InnerTextAsync("fieldset.checks");
        Assert.Contains("kyiv-security-compact-2022", proposals);
        Assert.DoesNotContain("grc-ukr-2024", proposals);
        var cut = await page.EvalOnSelectorAllAsync<int>("fieldset.checks label span", "els => els.filter(e => e.scrollWidth > e.clientWidth + 1).length");
        Assert.Equal(0, cut);

        // The proposal's own page does not say "proposal · proposal".
        await page.GotoAsync("/agreements/kyiv-security-compact-2022");
        await page.WaitForSelectorAsync("article.agreement h1");
        Assert.DoesNotContain("proposal · proposal", await page.InnerTextAsync("article.agreement"));
        lock (elsewhere) Assert.Empty(elsewhere);
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task The_api_explorer_calls_the_api_from_its_openapi_document()
    {
        var page = await UiPages.Open(browser, server);
        var violations = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) lock (violations) violations.Add(m.Text); };
        await page.GotoAsync("/api-reference");
        var health = page.Locator(".swagger-ui .opblock-get", new PageLocatorOptions { HasText = "/api/health" });
        await health.Locator(".opblock-summary").First.ClickAsync();
        await health.Locator("button.try-out__btn").ClickAsync();
        await health.Locator("button.execute").ClickAsync();
        var status = health.Locator(".live-responses-table tbody .response-col_status").First;
        await status.WaitForAsync();
        Assert.Contains("200", await status.InnerTextAsync());
        Assert.Contains("\"ok\"", await health.Locator(".live-responses-table").InnerTextAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifacts.File("issue16-api-explorer.png") });
        Assert.True(violations.Count == 0, string.Join("\n", violations));

        // Keyboard: the skip link comes first.
        await page.ReloadAsync();
        await page.WaitForSelectorAsync(".swagger-ui .opblock");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await page.Context.CloseAsync();
    }

    /// <summary>Every page: no serious or critical violation.</summary>
    [ChromiumFact]
    public async Task Axe_finds_no_serious_or_critical_violation()
    {
        (string Url, string Ready, bool Owned)[] pages =
        [
            ("/what-if?attacker=RUS&target=EST&date=2025-06-01&location=EE", "[data-testid=answer]", true),
            ("/", "input[name=attacker]", true),
            ("/network?on=2025-06-01&origin=pacta", "[data-testid=network-status]:has-text('guarantee')", true),
            ("/api-reference", ".swagger-ui .opblock", true),
            ("/agreements/kyiv-security-compact-2022", "article.agreement", true),
            ("/agreements?origin=pacta", "[data-testid=agreements]", true),
            ("/compare?agreement=north-atlantic-treaty-1949&agreement=teu-2009-art-42-7", "[data-testid=comparison]", true),
            ("/cascade?attacker=RUS&target=EST&date=2025-06-01&trials=1000&include_atop=false", "[data-testid=cascade-bars] li", true),
            ("/scenarios", "main h1", true),
            ("/studio", "[data-testid=a-scenarios]", true),
        ];
        var failures = new List<string>();
        var lines = new List<string>();
        foreach (var (width, height) in new[] { (UiPages.DesktopWidth, UiPages.DesktopHeight), (UiPages.PhoneWidth, UiPages.PhoneHeight) })
        {
            var page = await UiPages.Open(browser, server, width, height);
            foreach (var (url, ready, owned) in pages)
            {
                await page.GotoAsync(url);
                await page.WaitForSelectorAsync(ready, new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });
                var found = await UiPages.Axe(page);
                foreach (var v in found)
                {
                    var line = $"{width}x{height} {url}: {v.Impact} {v.Id} ({v.Nodes}×, e.g. {v.Target}) — {v.Help}";
                    lines.Add(line);
                    if (owned && UiPages.Serious(v)) failures.Add(line);
                }
            }
            await page.Context.CloseAsync();
        }
        Report("axe-core (wcag2a/aa, wcag21a/aa) violations", lines.Count == 0 ? "none" : string.Join('\n', lines));
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }
}
