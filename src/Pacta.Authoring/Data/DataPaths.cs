namespace Pacta.Authoring.Data;

/// <summary>
/// Finds the shipped <c>data/</c> folder: next to the executable (<c>AppContext.BaseDirectory/data</c>)
/// when the build copied it there, otherwise — when running from the source tree — the <c>data/</c>
/// folder of the repository root, found by walking up from the executable and from the working folder.
/// A folder counts as the data folder when it holds <c>states/states.csv</c>.
/// </summary>
public static class DataPaths
{
    private static readonly Lazy<string> Found = new(() => Find(AppContext.BaseDirectory, Environment.CurrentDirectory)
        ?? throw new DirectoryNotFoundException(
            $"Pacta's data folder was not found next to the program ({Path.Combine(AppContext.BaseDirectory, "data")}) " +
            "nor in a parent folder of it or of the current folder"));

    /// <summary>The data folder (throws <see cref="DirectoryNotFoundException"/> when there is none).</summary>
    public static string DataDirectory => Found.Value;

    public static string StatesCsv => Path.Combine(DataDirectory, "states", "states.csv");
    public static string AliasesCsv => Path.Combine(DataDirectory, "states", "aliases.csv");
    public static string StateNotesCsv => Path.Combine(DataDirectory, "states", "notes.csv");
    public static string LocationsCsv => Path.Combine(DataDirectory, "locations", "locations.csv");
    public static string RegionsYaml => Path.Combine(DataDirectory, "locations", "regions.yaml");
    public static string SeaAirYaml => Path.Combine(DataDirectory, "locations", "sea-air-areas.yaml");

    /// <summary>
    /// The first of <c>start/data</c> for each start folder, then <c>parent/data</c> walking up from each,
    /// that holds <c>states/states.csv</c>; null when none does.
    /// </summary>
    public static string? Find(params string[] starts)
    {
        foreach (var start in starts.Where(s => !string.IsNullOrEmpty(s)))
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "data");
                if (IsDataDirectory(candidate)) return candidate;
            }
        }
        return null;
    }

    public static bool IsDataDirectory(string path) => File.Exists(Path.Combine(path, "states", "states.csv"));
}
