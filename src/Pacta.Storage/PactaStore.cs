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

    /// <summary>
    /// One page of saved scenarios, newest first: at most <paramref name="limit"/>, after the one <paramref name="cursor"/>
    /// names (from the previous page's <see cref="ScenarioPage.Next"/>). Throws <see cref="FormatException"/> for a cursor
    /// this store did not make.
    /// </summary>
    public ScenarioPage Scenarios(int limit = 100, string? cursor = null)
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        var where = "";
        if (!string.IsNullOrEmpty(cursor))
        {
            var (created, id) = ReadCursor(cursor);
            where = "WHERE created < $created OR (created = $created AND id > $id) ";
            cmd.Parameters.AddWithValue("$created", created);
            cmd.Parameters.AddWithValue("$id", id);
        }
        cmd.CommandText = $"SELECT id, name, kind, state, created FROM scenario {where}ORDER BY created DESC, id LIMIT $limit";
        cmd.Parameters.AddWithValue("$limit", limit + 1);
        var rows = ReadScenarios(cmd);
        if (rows.Count <= limit) return new ScenarioPage(rows.Select(r => r.Scenario).ToList(), null);
        var last = rows[limit - 1];
        return new ScenarioPage(rows.Take(limit).Select(r => r.Scenario).ToList(), MakeCursor(last.CreatedText, last.Scenario.Id));
    }

    // The sort key of the last row of a page, as stored (so even a row with an odd stamp pages on), base64url.
    private static string MakeCursor(string created, string id) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{created}\u001f{id}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static (string Created, string Id) ReadCursor(string cursor)
    {
        var b64 = cursor.Replace('-', '+').Replace('_', '/');
        b64 = b64.PadRight(b64.Length + (4 - b64.Length % 4) % 4, '=');
        var parts = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(b64)).Split('\u001f');
        if (parts.Length != 2) throw new FormatException("not a cursor of this list");
        return (parts[0], parts[1]);
    }

    public SavedScenario? Scenario(string id)
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT id, name, kind, state, created FROM scenario WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        return ReadScenarios(cmd).FirstOrDefault().Scenario;
    }

    public bool DeleteScenario(string id)
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "DELETE FROM scenario WHERE id = $id";
        cmd.Parameters.AddWithValue("$id", id);
        return cmd.ExecuteNonQuery() > 0;
    }

    // Read defensively: a row written by hand or by another version must not stop the list (a bad stamp reads as 1970).
    private static List<(SavedScenario Scenario, string CreatedText)> ReadScenarios(SqliteCommand cmd)
    {
        var list = new List<(SavedScenario, string)>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            string Text(int i) => r.IsDBNull(i) ? "" : Convert.ToString(r.GetValue(i), CultureInfo.InvariantCulture) ?? "";
            var created = Text(4);
            list.Add((new SavedScenario(Text(0), Text(1), Text(2), Text(3), TryReadStamp(created)), created));
        }
        return list;
    }

    private static DateTimeOffset TryReadStamp(string s) =>
        DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : DateTimeOffset.UnixEpoch;

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
