namespace Pacta.Tests.Support;

/// <summary>Paths in the repository. Tests read only what the repository holds (a user's clone has no ../shared).</summary>
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

    /// <summary>A test fixture under tests/fixtures; a missing fixture fails the test that reads it.</summary>
    public static string Fixture(params string[] parts) => System.IO.Path.Combine([Root, "tests", "fixtures", .. parts]);
}
