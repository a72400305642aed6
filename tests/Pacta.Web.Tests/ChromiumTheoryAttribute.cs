namespace Pacta.Web.Tests;

/// <summary>A browser test with cases (desktop and phone sizes): the same rule as <see cref="ChromiumFactAttribute"/>.</summary>
public sealed class ChromiumTheoryAttribute : TheoryAttribute
{
    public ChromiumTheoryAttribute()
    {
        if (!File.Exists(ChromiumFactAttribute.Chromium) && Environment.GetEnvironmentVariable("PACTA_SKIP_BROWSER") == "1")
            Skip = $"{ChromiumFactAttribute.Chromium} is missing and PACTA_SKIP_BROWSER=1: browser tests skipped";
    }
}
