using Microsoft.Playwright;

namespace Pacta.Web.Tests;

/// <summary>Playwright driving Debian's Chromium headless, with the flags that keep it off the network.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException(
        $"{ChromiumFactAttribute.Chromium} is missing: install Debian's chromium (apt-get install -y chromium), or set PACTA_SKIP_BROWSER=1 to skip the browser tests");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumFactAttribute.Chromium)) return;
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_playwright is null) return;
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
