using Pacta.Domain;

namespace Pacta.Evaluation.Checks;

/// <summary>
/// A trigger that waits for a war to end (the 2024 bilateral agreements with Ukraine): the conflict's hostilities
/// ended, by its dates or an assumed ceasefire, before the day. Does not apply to other triggers.
/// </summary>
public sealed class AfterHostilitiesCheck : ClauseCheck
{
    public override string Name => "after hostilities";
    public override CheckDependency DependsOn => CheckDependency.Date;

    public override CheckResult? Run(in ClauseInput x, List<Explanation>? explain)
    {
        if (x.Trigger.AfterHostilities is not { } conflictId) return null;
        var ctx = x.At;
        var c = ctx.Scene.Corpus.Conflict(conflictId);
        if (c is null)
        {
            explain?.Add(Explanation.Leaf($"unknown conflict {conflictId}", CheckResult.Unknown, x.Source));
            return CheckResult.Unknown;
        }
        var lastDay = Evaluator.LastDayOfHostilities(c, ctx.Assumptions);
        var ended = lastDay is { } end && end < ctx.Day;
        if (explain is not null)
        {
            var assumed = lastDay != c.Span.To;
            var since = c.Span.From is { } f ? $" since {f:yyyy-MM-dd}" : "";
            explain.Add(Explanation.Leaf(ended
                ? $"needs hostilities ended: {c.Name} ({c.Id}) ended on {lastDay:yyyy-MM-dd}{(assumed ? " (assumed ceasefire)" : "")}, before the event"
                : $"needs hostilities ended: {c.Name} ({c.Id}) is ongoing on {ctx.Day:yyyy-MM-dd}{since}" +
                  (lastDay is null ? " (assume a ceasefire with --assume-ceasefire)" : $" (ends {lastDay:yyyy-MM-dd})"), ended, x.Source));
        }
        return ended ? CheckResult.Met : CheckResult.NotMet;
    }
}
