using Pacta.Authoring.Data;
using Pacta.Tests.Support;

namespace Pacta.Tests.Data;

/// <summary>
/// Cross-checks the shipped state and location codes against the COW and ISO code pairs of the countrycode R
/// package's code list (tests/fixtures/countrycode: the three identifier columns only, facts; see its PROVENANCE.md).
/// </summary>
public class CountrycodeCrossCheckTests
{
    /// <summary>COW codes where states.csv deliberately differs from countrycode, with the reason.</summary>
    private static readonly Dictionary<int, string> Exceptions = new()
    {
        // countrycode pairs the Papal States' COW code with the Vatican's ISO code; the COW state (1816-1860)
        // is not the Vatican City State of 1929, so states.csv gives it no ISO code.
        [327] = "Papal States are historic; VAT is the Vatican City State",
    };

    // Documented differences that need no exception because countrycode has no ISO3 for the COW code:
    //  345 Serbia/Yugoslavia: states.csv gives COW 345 Serbia's codes (RS/SRB), the state COW continues after 2006;
    //  347 Kosovo: no ISO 3166-1 code (XK/XKX are user-assigned), empty in both;
    //  255 Germany: DEU in both (COW 260/265 for the two German states of 1949-1990 have no ISO code here).

    private static List<(int Cow, string Iso3, string Iso2)> ReadCountrycode()
    {
        var lines = File.ReadAllLines(Repo.Fixture("countrycode", "cow-iso-pairs.csv"));
        var header = SplitCsvLine(lines[0]);
        int cown = header.IndexOf("cown"), iso3c = header.IndexOf("iso3c"), iso2c = header.IndexOf("iso2c");
        Assert.True(cown >= 0 && iso3c >= 0 && iso2c >= 0, "countrycode columns not found");
        var list = new List<(int, string, string)>();
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var f = SplitCsvLine(line);
            string At(int i) => i < f.Count && f[i] != "NA" ? f[i] : "";
            list.Add((int.TryParse(At(cown), out var c) ? c : 0, At(iso3c), At(iso2c)));
        }
        return list;
    }

    /// <summary>Splits one CSV line (the countrycode list has no line breaks inside fields).</summary>
    private static List<string> SplitCsvLine(string line)
    {
        var fields = new List<string>();
        var sb = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else sb.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(c);
        }
        fields.Add(sb.ToString());
        return fields;
    }

    [Fact]
    public void Every_cow_code_with_an_iso3_in_countrycode_has_the_same_iso3()
    {
        var registry = StateData.Load(Repo.Path("data", "states", "states.csv"), Repo.Path("data", "states", "aliases.csv"));
        var compared = 0;
        var problems = new List<string>();
        foreach (var (cow, iso3, _) in ReadCountrycode().Where(r => r.Cow > 0 && r.Iso3.Length > 0))
        {
            if (Exceptions.ContainsKey(cow)) continue;
            var state = registry.ByCow(cow);
            if (state is null) { problems.Add($"COW {cow} ({iso3}) is not in states.csv"); continue; }
            if (state.Iso3 != iso3) problems.Add($"COW {cow} {state.Name}: states.csv {state.Iso3 ?? "(none)"}, countrycode {iso3}");
            compared++;
        }
        Assert.Empty(problems);
        Assert.True(compared >= 190, $"only {compared} codes compared");
        foreach (var cow in Exceptions.Keys) Assert.Null(registry.ByCow(cow)!.Iso3);
    }

    [Fact]
    public void Every_iso2_in_countrycode_is_a_location()
    {
        var index = LocationData.Load(Repo.Path("data", "locations", "locations.csv"), Repo.Path("data", "locations", "regions.yaml"));
        // XK (Kosovo) is a user-assigned code outside ISO 3166-1; Pacta lists Kosovo's territory as RS-KM.
        var missing = ReadCountrycode().Select(r => r.Iso2).Where(c => c.Length == 2 && c != "XK")
            .Distinct().Where(c => index.Find(c) is null).ToList();
        Assert.Empty(missing);
    }
}
