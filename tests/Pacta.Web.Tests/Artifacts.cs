namespace Pacta.Web.Tests;

/// <summary>tests/Pacta.Web.Tests/artifacts: screenshots and the load report, kept with the tests.</summary>
public static class Artifacts
{
    public static string Dir
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !System.IO.File.Exists(Path.Combine(dir.FullName, "Pacta.Web.Tests.csproj"))) dir = dir.Parent;
            var path = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "artifacts");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    public static string File(string name) => Path.Combine(Dir, name);
}
