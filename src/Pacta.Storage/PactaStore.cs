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
    private const int SchemaVersion = 2;
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
        using (var wal = c.CreateCommand())
        {
            // WAL lets readers go on while a scenario is written.
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            wal.ExecuteNonQuery();
        }
        using var tx = c.BeginTransaction();
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "PRAGMA user_version";
        var from = Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        // Version 1 had scenarios and one row per draft; version 2 adds draft_version, the history of every save. A
        // database of version 1 gets its drafts' current texts as their first versions, so it keeps working and
        // nothing is lost. user_version records the schema; a newer database than this code knows is left as it is.
        cmd.CommandText = $"""
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
            CREATE TABLE IF NOT EXISTS draft_version (
                draft   TEXT NOT NULL,
                version INTEGER NOT NULL,
                yaml    TEXT NOT NULL,
                author  TEXT NOT NULL,
                note    TEXT NOT NULL,
                saved   TEXT NOT NULL,
                PRIMARY KEY (draft, version)
            );
            """;
        cmd.ExecuteNonQuery();
        if (from < 2)
        {
            cmd.CommandText = """
                INSERT OR IGNORE INTO draft_version (draft, version, yaml, author, note, saved)
                SELECT id, 1, yaml, '', 'saved before drafts had versions', updated FROM draft_agreement
                """;
            cmd.ExecuteNonQuery();
        }
        if (from < SchemaVersion)
        {
            cmd.CommandText = $"PRAGMA user_version = {SchemaVersion}";
            cmd.ExecuteNonQuery();
        }
        tx.Commit();
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

    /// <summary>
    /// Saves <paramref name="yaml"/> as the draft's next version (1 for a new draft) and makes it the current text,
    /// in one transaction, so two saves at once get two versions.
    /// </summary>
    public DraftVersion SaveDraft(string id, string yaml, string author = "", string note = "")
    {
        var now = DateTimeOffset.UtcNow;
        using var c = Open();
        using var tx = c.BeginTransaction(deferred: false);
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT COALESCE(MAX(version), 0) + 1 FROM draft_version WHERE draft = $id";
        cmd.Parameters.AddWithValue("$id", id);
        var version = Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        cmd.CommandText = """
            INSERT INTO draft_version (draft, version, yaml, author, note, saved) VALUES ($id, $version, $yaml, $author, $note, $updated);
            INSERT INTO draft_agreement (id, yaml, updated) VALUES ($id, $yaml, $updated) ON CONFLICT(id) DO UPDATE SET yaml = excluded.yaml, updated = excluded.updated;
            """;
        cmd.Parameters.AddWithValue("$version", version);
        cmd.Parameters.AddWithValue("$yaml", yaml);
        cmd.Parameters.AddWithValue("$author", author);
        cmd.Parameters.AddWithValue("$note", note);
        cmd.Parameters.AddWithValue("$updated", Stamp(now));
        cmd.ExecuteNonQuery();
        tx.Commit();
        return new DraftVersion(id, version, yaml, author, note, now);
    }

    /// <summary>The draft's versions, newest first (empty for an unknown draft).</summary>
    public IReadOnlyList<DraftVersion> DraftVersions(string id)
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT draft, version, yaml, author, note, saved FROM draft_version WHERE draft = $id ORDER BY version DESC";
        cmd.Parameters.AddWithValue("$id", id);
        return ReadVersions(cmd);
    }

    public DraftVersion? DraftVersion(string id, int version)
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT draft, version, yaml, author, note, saved FROM draft_version WHERE draft = $id AND version = $version";
        cmd.Parameters.AddWithValue("$id", id);
        cmd.Parameters.AddWithValue("$version", version);
        return ReadVersions(cmd).FirstOrDefault();
    }

    /// <summary>Saves version <paramref name="version"/>'s text again as the next version; null when there is no such version.</summary>
    public DraftVersion? RestoreDraft(string id, int version, string author, string? note = null) =>
        DraftVersion(id, version) is { } v ? SaveDraft(id, v.Yaml, author, note ?? $"restored version {version}") : null;

    private static List<DraftVersion> ReadVersions(SqliteCommand cmd)
    {
        var list = new List<DraftVersion>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
            list.Add(new DraftVersion(r.GetString(0), r.GetInt32(1), r.GetString(2), r.GetString(3), r.GetString(4), TryReadStamp(r.GetString(5))));
        return list;
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
        cmd.CommandText = "DELETE FROM draft_version WHERE draft = $id; DELETE FROM draft_agreement WHERE id = $id";
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
