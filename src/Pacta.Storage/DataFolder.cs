namespace Pacta.Storage;

/// <summary>
/// Where Pacta keeps what users save (and the CLI its start-up cache and imported ATOP releases): <c>$PACTA_DATA_DIR</c> if set, else <c>~/.local/share/pacta</c>
/// (the XDG data home when <c>$XDG_DATA_HOME</c> is set). The folder and its database are created on first use.
/// </summary>
public static class DataFolder
{
    public const string EnvironmentVariable = "PACTA_DATA_DIR";
    public const string DatabaseFile = "pacta.db";

    public static string Default()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } dir) return dir;
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var root = xdg is { Length: > 0 } ? xdg : Path.Combine(home, ".local", "share");
        return Path.Combine(root, "pacta");
    }
}
