using System.Globalization;
using Pacta.Datasets.Atop;

namespace Pacta.Datasets.Added;

/// <summary>One spell of COW direct contiguity between two states (master records; years from YYYYMM).</summary>
public readonly record struct ContiguitySpell(int StateA, int StateB, int Type, int FromYear, int ToYear);

/// <summary>One spell of COW major-power status (years inclusive).</summary>
public readonly record struct MajorSpell(int State, int FromYear, int ToYear);

/// <summary>One directed dyad-year of a dispute or war: ccode1, ccode2, year, and whether it is the dyad's onset year.</summary>
public readonly record struct DyadEvent(int Ccode1, int Ccode2, int Year, bool Onset);

/// <summary>
/// The shipped files behind the added column families, read as plain lists, and the years each source covers.
/// Outside its coverage a family's columns are empty (NA), never 0: a missing year is unobserved, not peace.
/// To extend a family, replace its file with a newer release and raise its coverage end here (docs/datasets.md).
/// </summary>
public sealed class AddedSources
{
    public static readonly YearRange ContiguityCoverage = new(1816, 2016);
    public static readonly YearRange MajorsCoverage = new(1816, 2016);
    public static readonly YearRange MidsCoverage = new(1816, 2010);
    public static readonly YearRange WarsCoverage = new(1816, 2007);

    public const string ContiguityFile = "contiguity/contdir.csv";
    public const string MajorsFile = "cow/majors2016.csv";
    public const string MidsFile = "mids/gml_dirdisp.csv";
    public const string WarsFile = "wars/cow_war_inter.csv";

    public IReadOnlyList<ContiguitySpell> Contiguity { get; init; } = [];
    public IReadOnlyList<MajorSpell> Majors { get; init; } = [];
    public IReadOnlyList<DyadEvent> Mids { get; init; } = [];
    public IReadOnlyList<DyadEvent> Wars { get; init; } = [];

    /// <summary>Reads the files of <paramref name="families"/> from the data folder (the others stay empty).</summary>
    public static AddedSources Load(string dataDir, DyadColumnFamily families)
    {
        string P(string file) => Path.Combine(dataDir, file);
        return new AddedSources
        {
            Contiguity = (families & DyadColumnFamily.Contiguity) != 0 ? ReadContiguity(P(ContiguityFile)) : [],
            Majors = (families & DyadColumnFamily.Majors) != 0 ? ReadMajors(P(MajorsFile)) : [],
            Mids = (families & DyadColumnFamily.Mids) != 0 ? ReadEvents(P(MidsFile), "midonset") : [],
            Wars = (families & DyadColumnFamily.Wars) != 0 ? ReadEvents(P(WarsFile), "cowinteronset") : [],
        };
    }

    /// <summary>contdir.csv: statelno, statehno, conttype (1–5), begin and end as YYYYMM.</summary>
    public static List<ContiguitySpell> ReadContiguity(string path)
    {
        var t = Open(path, out var col, "statelno", "statehno", "conttype", "begin", "end");
        var list = new List<ContiguitySpell>(t.Rows.Count);
        foreach (var row in t.Rows)
        {
            var type = Int(t, row, col[2], "conttype");
            if (type is < 1 or > 5) throw Bad(t, row, "conttype", $"{type} is not a contiguity type (1–5)");
            int begin = Int(t, row, col[3], "begin"), end = Int(t, row, col[4], "end");
            if (begin < 100000 || end < begin) throw Bad(t, row, "end", $"the spell {begin}–{end} is not two YYYYMM months in order");
            list.Add(new ContiguitySpell(Int(t, row, col[0], "statelno"), Int(t, row, col[1], "statehno"), type, begin / 100, end / 100));
        }
        return list;
    }

    /// <summary>majors2016.csv: ccode, styear, endyear.</summary>
    public static List<MajorSpell> ReadMajors(string path)
    {
        var t = Open(path, out var col, "ccode", "styear", "endyear");
        var list = new List<MajorSpell>(t.Rows.Count);
        foreach (var row in t.Rows)
        {
            int from = Int(t, row, col[1], "styear"), to = Int(t, row, col[2], "endyear");
            if (to < from) throw Bad(t, row, "endyear", $"{to} is before styear {from}");
            list.Add(new MajorSpell(Int(t, row, col[0], "ccode"), from, to));
        }
        return list;
    }

    /// <summary>
    /// A directed dispute- or war-year file: ccode1, ccode2, year and a 0/1 onset column. Read line by line without
    /// a general CSV parser (GML's file is 1.1 MB and only quotes its header and a version string); a line whose
    /// field count differs from the header's, as a quoted comma would make it, is an error.
    /// </summary>
    public static List<DyadEvent> ReadEvents(string path, string onsetColumn)
    {
        if (!File.Exists(path)) throw new AddedDataException($"{path}: the file is missing from this build's data folder");
        var text = File.ReadAllText(path);
        var lines = text.Split('\n');
        var header = lines[0].TrimEnd('\r').Split(',').Select(h => h.Trim('"')).ToArray();
        string[] names = ["ccode1", "ccode2", "year", onsetColumn];
        var col = new int[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            col[i] = Array.IndexOf(header, names[i]);
            if (col[i] < 0) throw new AddedDataException($"{path}:1: no column '{names[i]}' in the header");
        }
        var list = new List<DyadEvent>(lines.Length);
        Span<Range> fields = stackalloc Range[header.Length + 1];
        var values = new int[names.Length];
        for (var n = 1; n < lines.Length; n++)
        {
            var line = lines[n].AsSpan().TrimEnd('\r');
            if (line.IsEmpty) continue;
            if (line.Split(fields, ',') != header.Length)
                throw new AddedDataException($"{path}:{n + 1}: {line.Count(',') + 1} fields where the header has {header.Length}");
            for (var i = 0; i < names.Length; i++)
            {
                var f = line[fields[col[i]]].Trim('"');
                if (!int.TryParse(f, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out values[i]))
                    throw new AddedDataException($"{path}:{n + 1}: {names[i]}: '{f.ToString()}' is not a whole number");
            }
            if (values[3] is not (0 or 1)) throw new AddedDataException($"{path}:{n + 1}: {onsetColumn}: {values[3]} is not 0 or 1");
            list.Add(new DyadEvent(values[0], values[1], values[2], values[3] == 1));
        }
        return list;
    }

    private static CsvTable Open(string path, out int[] columns, params string[] names)
    {
        if (!File.Exists(path)) throw new AddedDataException($"{path}: the file is missing from this build's data folder");
        var t = CsvTable.Read(path);
        columns = new int[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            columns[i] = Array.IndexOf(t.Header, names[i]);
            if (columns[i] < 0) throw new AddedDataException($"{path}:1: no column '{names[i]}' in the header");
        }
        return t;
    }

    private static int Int(CsvTable t, CsvRow row, int column, string name) =>
        int.TryParse(row.Field(column).Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v
        : throw Bad(t, row, name, $"'{row.Field(column).ToString()}' is not a whole number");

    private static AddedDataException Bad(CsvTable t, CsvRow row, string column, string detail) =>
        new($"{t.File}:{row.Line}: {column}: {detail}");
}
