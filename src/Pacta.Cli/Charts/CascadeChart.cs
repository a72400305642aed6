using Pacta.Evaluation.Cascade;
using ScottPlot;

namespace Pacta.Cli.Charts;

/// <summary>
/// The rounds of a cascade: one column per round, one marker per state (red: attacker's side, blue: defender's;
/// pale: supporter; grey: kept out), a line from each state to the beneficiary whose obligation drew it in.
/// With Monte Carlo results, each label carries the state's probability of being a belligerent.
/// </summary>
public static class CascadeChart
{
    public static void Write(CascadeResult r, MonteCarloResult? mc, string path, string format)
    {
        var plot = new Plot();
        var at = new Dictionary<int, Coordinates>();
        var rounds = r.States.GroupBy(s => s.Round).OrderBy(g => g.Key).ToList();
        var tallest = rounds.Count == 0 ? 1 : rounds.Max(g => g.Count());
        foreach (var g in rounds)
        {
            var column = g.OrderBy(s => s.Side).ThenBy(s => s.Role).ThenBy(s => s.State.Code, StringComparer.Ordinal).ToList();
            for (var i = 0; i < column.Count; i++) at[column[i].State.Cow] = new Coordinates(g.Key, tallest - i);
        }
        foreach (var s in r.States)
        {
            if (s.Path.Count == 0 || !at.TryGetValue(s.Path[^1].Obligation.Beneficiary.Cow, out var from)) continue;
            var line = plot.Add.Line(from, at[s.State.Cow]);
            line.LineColor = Colors.Gray.WithAlpha(0.35);
            line.LineWidth = 1;
        }
        foreach (var s in r.States)
        {
            var c = at[s.State.Cow];
            var colour = s.Role switch
            {
                CascadeRole.Belligerent => s.Side == CascadeSide.Attacker ? Colors.Crimson : Colors.SteelBlue,
                CascadeRole.Supporter => s.Side == CascadeSide.Attacker ? Colors.LightPink : Colors.LightSteelBlue,
                _ => Colors.LightGray,
            };
            plot.Add.Marker(c, MarkerShape.FilledCircle, 11, colour);
            var p = mc?.States.FirstOrDefault(x => x.State.Cow == s.State.Cow);
            var label = plot.Add.Text(p is null ? s.State.Code : $"{s.State.Code} {p.DrawnIn.P * 100:0}%", c.X + 0.06, c.Y);
            label.LabelFontSize = 10;
            label.LabelAlignment = Alignment.MiddleLeft;
        }
        var ticks = rounds.Select(g => new Tick(g.Key, g.Key == 0 ? "start" : $"round {g.Key}")).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([]);
        plot.Axes.SetLimits(-0.4, Math.Max(1, rounds.Count == 0 ? 1 : rounds.Max(g => g.Key)) + 0.8, 0, tallest + 1);
        var s0 = r.Start;
        plot.Title($"{string.Join("+", s0.Attackers.Select(a => a.Code))} attacks {string.Join("+", s0.Targets.Select(t => t.Code))} on {r.Day:yyyy-MM-dd}: " +
            $"{r.Belligerents.Count()} belligerents in {r.Rounds} round(s) (red: attacker's side, blue: defender's, pale: supporters, grey: kept out)");
        ChartFile.Save(plot, path, format, Math.Max(900, 260 * (rounds.Count + 1)), Math.Max(500, 22 * tallest + 140));
    }
}
