using Pacta.Evaluation.Validation;
using Pacta.Tests.Support;

namespace Pacta.Tests.Validation;

/// <summary><c>pacta validate fit</c>: the shipped coefficients are the command's output on the shipped data.</summary>
public sealed class ValidateFitTests
{
    [Fact]
    public void ValidateFit_RefitsTheShippedCoefficientsExactly()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pacta-fit-{Guid.NewGuid():N}.json");
        var r = PactaCli.Run("validate", "fit", "--out", path);

        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("fitted on 57 wars", r.Stdout);
        var refit = File.ReadAllText(path);
        File.Delete(path);
        // When this fails after a change to the features, the ATOP data or the invocation rules, refit:
        // pacta validate fit --out data/join-model/coefficients.json && python3 scripts/update-manifest.py
        Assert.Equal(File.ReadAllText(Repo.Path("data", "join-model", "coefficients.json")), refit);
        Assert.Equal(JoinFeatures.Count, JoinCoefficients.Parse(refit, path).Values.Count);
    }

    [Fact]
    public void ValidateFit_BadRidge_IsAUsageError()
    {
        var r = PactaCli.Run("validate", "fit", "--ridge", "-1", "--out", Path.Combine(Path.GetTempPath(), "never.json"));

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--ridge: '-1' must be a number, 0 or more", r.Stderr);
    }
}
