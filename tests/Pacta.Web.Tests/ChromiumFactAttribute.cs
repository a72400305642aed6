namespace Pacta.Web.Tests;

/// <summary>
/// A browser test: runs in Debian's Chromium (/usr/bin/chromium, installed by scripts/test.sh), and is skipped with
/// a clear message only when that browser is missing. Playwright never downloads a browser here.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Chromium)) Skip = $"{Chromium} is missing: install Debian's chromium (apt-get install -y chromium) to run the browser tests";
    }
}
