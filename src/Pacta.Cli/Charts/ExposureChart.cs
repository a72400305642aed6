using Pacta.Evaluation.Cascade;
using ScottPlot;

namespace Pacta.Cli.Charts;

/// <summary>
/// The exposure matrix as a heat map: row = attacker, column = target, colour = belligerents in the deterministic
/// cascade. Only states that appear in some war larger than the two initial belligerents are drawn, so the
/// picture stays legible.
/// </summary>
public static class ExposureChart
{
    public static void Write(ExposureMatrix m, string path, string format)
    {
        var n = m.States.Count;
        var keep = Enumerable.Range(0, n).Where(i => Enumerable.Range(0, n).Any(j =>
            (m.Cells[i, j]?.Belligerents ?? 0) > 2 || (m.Cells[j, i]?.Belligerents ?? 0) > 2)).ToList();
        if (keep.Count == 0) keep = Enumerable.Range(0, Math.Min(n, 40)).ToList();
        var k = keep.Count;
        var values = new double[k, k];
        for (var a = 0; a < k; a++)
            for (var t = 0; t < k; t++)
                values[a, t] = m.Cells[keep[a], keep[t]]?.Belligerents ?? double.NaN;
        var plot = new Plot();
        var heat = plot.Add.Heatmap(values);
        heat.Colormap = new ScottPlot.Colormaps.Turbo();
        heat.Extent = new CoordinateRect(-0.5, k - 0.5, -0.5, k - 0.5);
        plot.Add.ColorBar(heat).Label = "belligerents";
        var xs = keep.Select((s, i) => new Tick(i, m.States[s].Code)).ToArray();
        var ys = keep.Select((s, i) => new Tick(k - 1 - i, m.States[s].Code)).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(xs);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ys);
        plot.Axes.Bottom.TickLabelStyle.Rotation = -90;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 8;
        plot.Axes.Left.TickLabelStyle.FontSize = 8;
        plot.Axes.Bottom.MinimumSize = 40;
        plot.XLabel("target");
        plot.YLabel("attacker");
        plot.Title($"Exposure on {m.Day:yyyy-MM-dd}: belligerents if the row state attacks the column state ({k} of {n} states shown)");
        var size = Math.Clamp(12 * k + 250, 700, 2600);
        ChartFile.Save(plot, path, format, size + 120, size);
    }
}
