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

/// <summary>Draft versions, and a database of schema 1 (one row per draft) migrated to versions without loss.</summary>
public sealed class DraftVersionStorageTests
{
    [Fact]
    public void A_schema_1_database_keeps_its_drafts_as_version_1()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"pacta-store-v1-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, DataFolder.DatabaseFile);
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            // The schema as version 1 created it, with one draft.
            cmd.CommandText = """
                CREATE TABLE scenario (id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, state TEXT NOT NULL, created TEXT NOT NULL);
                CREATE TABLE draft_agreement (id TEXT PRIMARY KEY, yaml TEXT NOT NULL, updated TEXT NOT NULL);
                INSERT INTO draft_agreement VALUES ('old-draft', 'id: old-draft', '2026-01-02T03:04:05Z');
                PRAGMA user_version = 1;
                """;
            cmd.ExecuteNonQuery();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var store = new PactaStore(dir);
        var v1 = Assert.Single(store.DraftVersions("old-draft"));
        Assert.Equal((1, "id: old-draft"), (v1.Version, v1.Yaml));
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), v1.Saved);
        Assert.Equal("id: old-draft", store.Draft("old-draft")!.Yaml);

        // Opening again does not copy the draft a second time; the next save is version 2.
        var again = new PactaStore(dir);
        Assert.Single(again.DraftVersions("old-draft"));
        Assert.Equal(2, again.SaveDraft("old-draft", "id: old-draft\ntitle: t", "Ana", "titled").Version);
        Assert.Equal("id: old-draft\ntitle: t", again.Draft("old-draft")!.Yaml);
        var restored = again.RestoreDraft("old-draft", 1, "Bo")!;
        Assert.Equal((3, "id: old-draft", "restored version 1"), (restored.Version, restored.Yaml, restored.Note));
        Assert.Null(again.RestoreDraft("old-draft", 7, "Bo"));
        Assert.True(again.DeleteDraft("old-draft"));
        Assert.Empty(again.DraftVersions("old-draft"));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
    }
}
