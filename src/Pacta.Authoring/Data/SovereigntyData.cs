using System.Globalization;
using Pacta.Domain;

namespace Pacta.Authoring.Data;

/// <summary>
/// Reads <c>data/locations/sovereignty.csv</c> (<c>code,cow,from,to,note</c>): which COW state held an ISO
/// location on days when that was not today's sovereign (divided Germany, the USSR, Yugoslavia …).
/// </summary>
public static class SovereigntyData
{
    public static readonly IReadOnlyList<string> Columns = ["code", "cow", "from", "to", "note"];

    public static IReadOnlyList<SovereigntySpell> Load(string path)
    {
        using var reader = StateData.OpenText(path);
        var table = CsvTable.Read(reader, path, Columns);
        var list = new List<SovereigntySpell>();
        foreach (var row in table.Rows)
        {
            if (!int.TryParse(row["cow"], NumberStyles.None, CultureInfo.InvariantCulture, out var cow))
                throw row.Error("cow", $"'{row["cow"]}' is not a COW number");
            var from = Day(row, "from");
            var to = Day(row, "to");
            if (from is not null && to is not null && to < from) throw row.Error("to", "ends before it starts");
            list.Add(new SovereigntySpell(row["code"].Trim(), cow, new DateSpan(from, to)));
        }
        return list;
    }

    private static DateOnly? Day(CsvRow row, string column)
    {
        var text = row[column].Trim();
        if (text.Length == 0) return null;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw row.Error(column, $"'{text}' is not a date YYYY-MM-DD");
    }
}
