namespace Pacta.Web.Tests;

/// <summary>
/// A browser test: runs in Debian's Chromium (/usr/bin/chromium, installed by scripts/test.sh). A missing browser
/// fails the test (the launch names the missing file) unless the developer opts out with PACTA_SKIP_BROWSER=1, so
/// a run without the browser can never pass as a full one. Playwright never downloads a browser here.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Chromium) && Environment.GetEnvironmentVariable("PACTA_SKIP_BROWSER") == "1")
            Skip = $"{Chromium} is missing and PACTA_SKIP_BROWSER=1: browser tests skipped";
    }
}
