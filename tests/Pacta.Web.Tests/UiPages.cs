using System.Text.Json;
using Microsoft.Playwright;

namespace Pacta.Web.Tests;

/// <summary>Shared helpers of the browser tests of issue 16: pages at desktop and phone size, axe-core, payload sizes.</summary>
public static class UiPages
{
    public const int DesktopWidth = 1440, DesktopHeight = 900, PhoneWidth = 390, PhoneHeight = 844;

    /// <summary>
    /// A page in a fresh context (empty cache) that may load nothing but the server's own URLs. Playwright's routing,
    /// which enforces that, turns the HTTP cache off; <paramref name="guard"/> false keeps the cache (the routes are
    /// then checked after the fact by the caller).
    /// </summary>
    public static async Task<IPage> Open(BrowserFixture browser, ServerFixture server, int width = DesktopWidth, int height = DesktopHeight, bool guard = true)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        if (guard) await page.RouteAsync(url => !url.StartsWith(server.BaseUrl.ToString(), StringComparison.Ordinal) && !url.StartsWith("data:", StringComparison.Ordinal),
            route => throw new InvalidOperationException($"the page asked for {route.Request.Url}"));
        return page;
    }

    /// <summary>axe-core as npm installs it for the UI build (src/Pacta.Web/ui/node_modules).</summary>
    public static string AxeSource()
    {
        var dir = new DirectoryInfo(Artifacts.Dir);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Pacta.slnx"))) dir = dir.Parent;
        var path = Path.Combine(dir?.FullName ?? ".", "src", "Pacta.Web", "ui", "node_modules", "axe-core", "axe.min.js");
        Assert.True(File.Exists(path), $"{path} is missing: the web build runs npm ci, which installs axe-core (a devDependency of the UI)");
        return File.ReadAllText(path);
    }

    public sealed record AxeViolation(string Id, string Impact, string Help, int Nodes, string Target);

    /// <summary>Runs axe-core (WCAG 2 A/AA rules) on the page as it is now. Evaluated through the DevTools protocol, so the CSP is untouched.</summary>
    public static async Task<IReadOnlyList<AxeViolation>> Axe(IPage page)
    {
        await page.EvaluateAsync(AxeSource());
        var json = await page.EvaluateAsync<string>("""
            async () => {
              const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
              return JSON.stringify(r.violations.map(v => ({ id: v.id, impact: v.impact ?? '', help: v.help, nodes: v.nodes.length, target: v.nodes.slice(0, 8).map(n => String(n.target)).join(' | ') })));
            }
            """);
        return JsonSerializer.Deserialize<List<AxeViolation>>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
    }

    public static bool Serious(AxeViolation v) => v.Impact is "serious" or "critical";

    /// <summary>Every response the page receives, for the bytes on the wire (compressed bodies plus headers).</summary>
    public sealed class Traffic
    {
        private readonly List<IResponse> _responses = [];
        public Traffic(IPage page) => page.Response += (_, r) => { lock (_responses) _responses.Add(r); };

        public async Task<(long Bytes, string Report)> Measure()
        {
            List<IResponse> all;
            lock (_responses) all = [.. _responses];
            long total = 0;
            var lines = new List<string>();
            foreach (var r in all)
            {
                var sizes = await r.Request.SizesAsync();
                var bytes = sizes.ResponseBodySize + sizes.ResponseHeadersSize;
                total += bytes;
                lines.Add($"{r.Status} {bytes,9:N0} B  {new Uri(r.Url).PathAndQuery}");
            }
            return (total, string.Join('\n', lines));
        }
    }
}
