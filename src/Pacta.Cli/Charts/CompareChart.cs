using Pacta.Evaluation;
using ScottPlot;

namespace Pacta.Cli.Charts;

/// <summary>Grouped bars: for each scored dimension, one bar per agreement (score 0–1).</summary>
public static class CompareChart
{
    public static void Write(Comparison c, string path, string format)
    {
        var plot = new Plot();
        var rows = c.Rows.Where(r => r.Values.All(v => v.Score is not null)).ToList();
        var palette = new ScottPlot.Palettes.Category10();
        var n = c.Agreements.Count;
        var width = 0.8 / n;
        var ticks = new List<Tick>();
        for (var a = 0; a < n; a++)
        {
            var bars = rows.Select((r, i) => new Bar
            {
                Position = i + (a - (n - 1) / 2.0) * width,
                Value = r.Values[a].Score!.Value,
                Size = width * 0.95,
                FillColor = palette.GetColor(a),
            }).ToList();
            var series = plot.Add.Bars(bars);
            series.LegendText = c.Agreements[a].Id;
        }
        for (var i = 0; i < rows.Count; i++) ticks.Add(new Tick(i, rows[i].Dimension));
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks.ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = -30;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        plot.Axes.Bottom.MinimumSize = 120;
        plot.Axes.SetLimitsY(0, 1.15);
        plot.YLabel("score (1 = strongest form)");
        plot.Title($"Compared with {c.Agreements[0].Id}");
        plot.ShowLegend(Alignment.UpperRight);
        ChartFile.Save(plot, path, format, 1100, 600);
    }
}
