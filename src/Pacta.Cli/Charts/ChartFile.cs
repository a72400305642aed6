namespace Pacta.Cli.Charts;

/// <summary>Saves a ScottPlot figure as SVG or PNG, creating the folder, and refusing other formats.</summary>
public static class ChartFile
{
    public static void Save(ScottPlot.Plot plot, string path, string format, int width, int height)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        switch (format)
        {
            case "svg": plot.SaveSvg(path, width, height); break;
            case "png": plot.SavePng(path, width, height); break;
            default: throw new PactaException($"--format: '{format}' must be svg or png");
        }
    }
}
