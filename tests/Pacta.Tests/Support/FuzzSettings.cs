using System.Globalization;

namespace Pacta.Tests.Support;

/// <summary>
/// How long a fuzz test runs and from which seed: <c>PACTA_FUZZ_SECONDS</c> (default 3 per test) and
/// <c>PACTA_FUZZ_SEED</c> (default: a new one each run, printed so that a failure can be replayed).
/// </summary>
public static class FuzzSettings
{
    public static TimeSpan Budget =>
        double.TryParse(Environment.GetEnvironmentVariable("PACTA_FUZZ_SECONDS"), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0
            ? TimeSpan.FromSeconds(s)
            : TimeSpan.FromSeconds(3);

    public static int Seed =>
        int.TryParse(Environment.GetEnvironmentVariable("PACTA_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : Random.Shared.Next();
}
