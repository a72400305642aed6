namespace Pacta.Tests.Support;

/// <summary>Paths in the repository (tests may read ../shared; the product never does).</summary>
public static class Repo
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Pacta.slnx"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
        }
    }

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public static string Shared(params string[] parts) => System.IO.Path.Combine([Root, "..", "shared", .. parts]);
}
