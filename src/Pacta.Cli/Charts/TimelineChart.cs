using Pacta.Evaluation;
using ScottPlot;

namespace Pacta.Cli.Charts;

/// <summary>The deadline timeline of a what-if outcome: one horizontal bar per deadline, hours after the event.</summary>
public static class TimelineChart
{
    public static void Write(Outcome o, string path, string format)
    {
        var items = Timeline.Of(o);
        var plot = new Plot();
        var bars = new List<Bar>();
        var ticks = new List<Tick>();
        for (var i = 0; i < items.Count; i++)
        {
            var it = items[i];
            var y = items.Count - i;
            bars.Add(new Bar
            {
                Position = y,
                ValueBase = 0,
                Value = it.After.TotalHours,
                Orientation = Orientation.Horizontal,
                FillColor = it.Hypothetical ? Colors.Orange : it.WherePossible ? Colors.LightSteelBlue : Colors.SteelBlue,
                Label = $"{it.After.TotalHours:0} h{(it.WherePossible ? " (where possible)" : "")} — {it.Obligors.Count} obligor(s)",
            });
            ticks.Add(new Tick(y, $"{it.Agreement} {it.Provision}"));
        }
        if (bars.Count > 0)
        {
            var series = plot.Add.Bars(bars);
            series.ValueLabelStyle.FontSize = 11;
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.ToArray());
        }
        plot.Title($"Deadlines after {o.Event.Attacker.Name} attacks {o.Event.Target.Name} ({o.Event.Date:yyyy-MM-dd})");
        plot.XLabel("hours after the event");
        plot.Axes.SetLimitsX(0, Math.Max(24, items.Count == 0 ? 24 : items.Max(i => i.After.TotalHours) * 1.6));
        ChartFile.Save(plot, path, format, 1000, 120 + 50 * Math.Max(2, items.Count));
    }
}
