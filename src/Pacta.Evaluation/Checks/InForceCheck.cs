namespace Pacta.Evaluation.Checks;

/// <summary>
/// The agreement is in force on the day (by its dates, continued past its dataset, or assumed adopted) and not
/// superseded, and the provision applies that day (an imported ATOP phase row binds only for its own spell).
/// </summary>
public sealed class InForceCheck : ClauseCheck
{
    public override string Name => "in force";
    public override CheckDependency DependsOn => CheckDependency.Date;
    public override bool Decisive => true;

    public override CheckResult? Run(in ClauseInput x, List<Explanation>? explain)
    {
        var a = x.At;
        var p = x.Provision;
        var met = a.ProvisionInForce(p);
        if (explain is not null)
        {
            // The same words for every provision of the agreement (only the source differs), unless the provision's own span rules the day out.
            var spanRules = a.InForce && !met;
            var words = spanRules ? $"not in force: {p.Citation} applies {p.Span} only, not on {a.Day:yyyy-MM-dd}" : a.InForceWords;
            explain.Add(Explanation.Leaf(words, met, ExplanationSource.Of(a.Agreement, p, spanRules ? p.Position : a.Agreement.Position)));
        }
        return met ? CheckResult.Met : CheckResult.NotMet;
    }
}
