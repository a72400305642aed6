using Pacta.Storage;

namespace Pacta.Web.Tests;

/// <summary>The SQLite store: schema created on first open, data kept across opens.</summary>
public sealed class StorageTests
{
    [Fact]
    public void Creates_the_database_on_first_run_and_keeps_scenarios()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"pacta-store-{Guid.NewGuid():N}", "nested");
        var store = new PactaStore(dir);
        Assert.True(File.Exists(Path.Combine(dir, DataFolder.DatabaseFile)));
        var s = store.SaveScenario("one", "what-if", """{"attacker":"RUS"}""");
        var again = new PactaStore(dir);
        Assert.Equal("one", again.Scenario(s.Id)!.Name);
        Assert.True(again.DeleteScenario(s.Id));
        Assert.Null(again.Scenario(s.Id));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(dir)!, recursive: true);
    }

    [Fact]
    public void Data_folder_follows_the_environment()
    {
        var old = Environment.GetEnvironmentVariable(DataFolder.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(DataFolder.EnvironmentVariable, "/tmp/pacta-x");
            Assert.Equal("/tmp/pacta-x", DataFolder.Default());
            Environment.SetEnvironmentVariable(DataFolder.EnvironmentVariable, null);
            Assert.EndsWith("pacta", DataFolder.Default());
        }
        finally
        {
            Environment.SetEnvironmentVariable(DataFolder.EnvironmentVariable, old);
        }
    }
}
