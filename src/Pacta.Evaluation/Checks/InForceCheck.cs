namespace Pacta.Evaluation.Checks;

/// <summary>The agreement is in force on the day (by its dates, continued past its dataset, or assumed adopted) and not superseded.</summary>
public sealed class InForceCheck : ClauseCheck
{
    public override string Name => "in force";
    public override CheckDependency DependsOn => CheckDependency.Date;
    public override bool Decisive => true;

    public override CheckResult? Run(in ClauseInput x, List<Explanation>? explain)
    {
        var a = x.At;
        // The same words for every provision of the agreement (only the source differs).
        explain?.Add(Explanation.Leaf(a.InForceWords, a.InForce, ExplanationSource.Of(a.Agreement, x.Provision, a.Agreement.Position)));
        return a.InForce ? CheckResult.Met : CheckResult.NotMet;
    }
}
