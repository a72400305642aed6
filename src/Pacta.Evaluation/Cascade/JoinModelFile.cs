namespace Pacta.Evaluation.Cascade;

/// <summary>
/// Where a fitted join model's coefficients come from, as every Monte Carlo output names it: the file (as the user
/// knows it: <c>data/join-model/coefficients.json</c> for the shipped one), the SHA-256 of its bytes, and what it was
/// fitted on (the file's <c>fitted_on</c> and <c>wars</c>).
/// </summary>
public sealed record JoinModelFile(string File, string Sha256, string FittedOn, int Wars)
{
    /// <summary>One line: "data/join-model/coefficients.json, sha256 4cf3be9b0657, fitted on … (57 wars)".</summary>
    public override string ToString() =>
        $"{File}, sha256 {(Sha256.Length > 12 ? Sha256[..12] : Sha256)}, fitted on {FittedOn}{(Wars > 0 ? $" ({Wars} wars)" : "")}";
}
