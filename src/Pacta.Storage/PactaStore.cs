using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace Pacta.Storage;

/// <summary>
/// The embedded SQLite database of saved scenarios and user-drafted agreements. The schema is created on first
/// open; every call opens its own pooled connection, so one store serves concurrent requests.
/// </summary>
public sealed class PactaStore
{
    private const int SchemaVersion = 1;
    private readonly string _connectionString;

    public PactaStore(string folder)
    {
        Directory.CreateDirectory(folder);
        Folder = folder;
        Path = System.IO.Path.Combine(folder, DataFolder.DatabaseFile);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true }.ToString();
        CreateSchema();
    }

    public string Folder { get; }
    public string Path { get; }

    private SqliteConnection Open()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        return c;
    }

    private void CreateSchema()
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        // WAL lets readers go on while a scenario is written; user_version records the schema for later migrations.
        cmd.CommandText = $"""
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS scenario (
                id      TEXT PRIMARY KEY,
                name    TEXT NOT NULL,
                kind    TEXT NOT NULL,
                state   TEXT NOT NULL,
                created TEXT NOT NULL
            );
            CREATE TABLE IF NOT EXISTS draft_agreement (
                id      TEXT PRIMARY KEY,
                yaml    TEXT NOT NULL,
                updated TEXT NOT NULL
            );
            PRAGMA user_version = {SchemaVersion};
            """;
        cmd.ExecuteNonQuery();
    }

    /// <summary>A short random id that is safe in a URL.</summary>
    private static string NewId() =>
        Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant();

    private static string Stamp(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static DateTimeOffset ReadStamp(string s) =>
        DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public SavedScenario SaveScenario(string name, string kind, string state)
    {
        var s = new SavedScenario(NewId(), name, kind, state, DateTimeOffset.UtcNow);
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "INSERT INTO scenario (id, name, kind, state, created) VALUES ($id, $name, $kind, $state, $created)";
        cmd.Parameters.AddWithValue("$id", s.Id);
        cmd.Parameters.AddWithValue("$name", s.Name);
        cmd.Parameters.AddWithValue("$kind", s.Kind);
        cmd.Parameters.AddWithValue("$state", s.State);
        cmd.Parameters.AddWithValue("$created", Stamp(s.Created));
        cmd.ExecuteNonQuery();
        return s;
    }

    public IReadOnlyList<SavedScenario> Scenarios(int limit = 500)
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT id, name, kind, state, created FROM scenario ORDER BY created DESC, id LIMIT $limit";
        cmd.Parameters.AddWithValue("$limit", limit);
        return ReadScenarios(cmd);
    }

    public SavedScenario? Scenario(string id)
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT id, name, kind, state, created FROM scenario WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        return ReadScenarios(cmd).FirstOrDefault();
    }

    public bool DeleteScenario(string id)
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "DELETE FROM scenario WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        return cmd.ExecuteNonQuery() > 0;
    }

    private static List<SavedScenario> ReadScenarios(SqliteCommand cmd)
    {
        var list = new List<SavedScenario>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) list.Add(new SavedScenario(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), ReadStamp(r.GetString(4))));
        return list;
    }

    /// <summary>Creates or replaces the draft with this id.</summary>
    public DraftAgreement SaveDraft(string id, string yaml)
    {
        var d = new DraftAgreement(id, yaml, DateTimeOffset.UtcNow);
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "INSERT INTO draft_agreement (id, yaml, updated) VALUES ($id, $yaml, $updated) ON CONFLICT(id) DO UPDATE SET yaml = excluded.yaml, updated = excluded.updated";
        cmd.Parameters.AddWithValue("$id", d.Id);
        cmd.Parameters.AddWithValue("$yaml", d.Yaml);
        cmd.Parameters.AddWithValue("$updated", Stamp(d.Updated));
        cmd.ExecuteNonQuery();
        return d;
    }

    public IReadOnlyList<DraftAgreement> Drafts()
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT id, yaml, updated FROM draft_agreement ORDER BY id";
        return ReadDrafts(cmd);
    }

    public DraftAgreement? Draft(string id)
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT id, yaml, updated FROM draft_agreement WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        return ReadDrafts(cmd).FirstOrDefault();
    }

    public bool DeleteDraft(string id)
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "DELETE FROM draft_agreement WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        return cmd.ExecuteNonQuery() > 0;
    }

    private static List<DraftAgreement> ReadDrafts(SqliteCommand cmd)
    {
        var list = new List<DraftAgreement>();
        using var r = cmd.ExecuteReader();
        while (r.Read()) list.Add(new DraftAgreement(r.GetString(0), r.GetString(1), ReadStamp(r.GetString(2))));
        return list;
    }
}
