using System.Collections.Concurrent;
using Microsoft.Playwright;
using Pacta.Web.Guards;

namespace Pacta.Web.Tests;

/// <summary>
/// The studio as an expert first sees it: loading /studio (and a version's share URL) logs no console error, breaks
/// no rule of the Content-Security-Policy (a <c>securitypolicyviolation</c> event), fails no request and gets no
/// 4xx/5xx, and the editor carries CodeMirror's theme. Before the CSP nonce, CodeMirror's injected
/// <c>&lt;style&gt;</c> elements were refused by <c>style-src 'self'</c>: the editor had no layout (its gutters and
/// text side by side, unstyled) and the console logged a violation per style element.
/// </summary>
[Collection("server")]
public sealed class StudioCleanLoadBrowserTests(ServerFixture server, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>Every problem the page reports, as text, for the failure message.</summary>
    private sealed class Problems
    {
        private readonly ConcurrentQueue<string> _all = new();

        public Problems(IPage page)
        {
            page.Console += (_, m) => { if (m.Type == "error") _all.Enqueue($"console error: {m.Text} ({m.Location})"); };
            page.PageError += (_, e) => _all.Enqueue($"uncaught: {e}");
            page.RequestFailed += (_, r) => { if (r.Failure is not "net::ERR_ABORTED") _all.Enqueue($"request failed: {r.Method} {r.Url}: {r.Failure}"); };
            page.Response += (_, r) => { if (r.Status >= 400) _all.Enqueue($"HTTP {r.Status}: {r.Request.Method} {r.Url}"); };
        }

        /// <summary>Adds the CSP violations the page recorded (its listener is installed before any script of the page runs).</summary>
        public async Task<IReadOnlyList<string>> All(IPage page)
        {
            var csp = await page.EvaluateAsync<string[]>("() => window.__cspViolations ?? []");
            return [.. _all, .. csp.Select(v => "CSP violation: " + v)];
        }
    }

    /// <summary>
    /// Records every securitypolicyviolation event. Playwright injects the script through the DevTools protocol, so
    /// the page's CSP does not apply to it.
    /// </summary>
    private const string RecordViolations = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e =>
          window.__cspViolations.push(`${e.violatedDirective} refused ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`));
        """;

    [ChromiumFact]
    public async Task The_studio_loads_without_console_errors_CSP_violations_or_failed_requests_and_the_editor_is_styled()
    {
        var page = await UiPages.Open(browser, server);
        await page.AddInitScriptAsync(RecordViolations);
        var problems = new Problems(page);
        await page.GotoAsync("/studio");
        await page.Locator("[data-testid=a-obliges]").WaitForAsync();
        await page.Locator("[data-testid=studio-compare-table]").WaitForAsync();

        // CodeMirror's base theme lays the editor out as a flex column and the scroller as a flex row (gutters beside the
        // text); the studio's own theme gives the gutters #f4f4f4. Unstyled, both are display: block and transparent.
        var styles = await page.EvaluateAsync<string[]>("""
            () => [
              getComputedStyle(document.querySelector('.cm-editor')).display,
              getComputedStyle(document.querySelector('.cm-scroller')).display,
              getComputedStyle(document.querySelector('.cm-gutters')).backgroundColor,
            ]
            """);
        // The nonce reaches CodeMirror's style element, which the browser accepted (it holds rules).
        var nonced = await page.EvaluateAsync<bool>("() => [...document.querySelectorAll('style')].some(s => s.nonce && s.sheet && s.sheet.cssRules.length > 0)");

        // Everything in one message, so a failure shows all that is wrong at once.
        var found = (await problems.All(page)).ToList();
        if (!styles.SequenceEqual(["flex", "flex", "rgb(244, 244, 244)"])) found.Add($"editor unstyled: .cm-editor {styles[0]}, .cm-scroller {styles[1]}, .cm-gutters background {styles[2]}");
        if (!nonced) found.Add("no <style> element with a nonce holds rules");
        Assert.True(found.Count == 0, "the studio:\n" + string.Join('\n', found));
        await page.Context.CloseAsync();
    }

    [ChromiumFact]
    public async Task Every_page_of_the_UI_gets_its_own_nonce_and_no_API_answer_carries_one()
    {
        using var http = server.Client();
        async Task<(string Csp, string Body, string? Cache)> Get(string path)
        {
            using var r = await http.GetAsync(path);
            return (r.Headers.GetValues("Content-Security-Policy").Single(), await r.Content.ReadAsStringAsync(), r.Headers.CacheControl?.ToString());
        }
        var first = await Get("/studio");
        var second = await Get("/studio");
        Assert.Matches(@"style-src 'self' 'nonce-[A-Za-z0-9+/]{22}=='; img-src", first.Csp);
        Assert.NotEqual(first.Csp, second.Csp);
        Assert.DoesNotContain("unsafe-inline", first.Csp, StringComparison.Ordinal);
        // Never kept by a cache: a page is only good with the header it came with.
        Assert.Equal("no-store", first.Cache);
        Assert.Equal(SiteGuard.ContentSecurityPolicy, (await Get("/api/health")).Csp);
        // The page hands its nonce to scripts in a meta element's nonce attribute: the one its own header names.
        foreach (var page in new[] { first, second, await Get("/index.html"), await Get("/") })
        {
            var nonce = System.Text.RegularExpressions.Regex.Match(page.Csp, "'nonce-([^']+)'").Groups[1].Value;
            Assert.NotEqual("", nonce);
            Assert.Contains($"<meta property=\"csp-nonce\" nonce=\"{nonce}\">", page.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(UiFiles.NoncePlaceholder, page.Body, StringComparison.Ordinal);
        }
    }
}
