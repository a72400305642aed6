using Pacta.Authoring.Data;
using Pacta.Domain;
using Pacta.Tests.Support;

namespace Pacta.Tests.Data;

/// <summary>
/// Issue 16: Kosovo as COW has it, with a note on its ISO status; no historic state is labelled with a modern
/// state's ISO code. Checked against the shipped COW state list and the registry built from data/states.
/// </summary>
public sealed class StateCodeLabelTests
{
    private static readonly Lazy<StateRegistry> Shipped = new(() => StateData.Load(
        Repo.Path("data", "states", "states.csv"), Repo.Path("data", "states", "aliases.csv"), Repo.Path("data", "states", "notes.csv")));

    /// <summary>COW 2016 rows: ccode → (stateabb, first day).</summary>
    private static Dictionary<int, (string Abb, DateOnly From)> Cow()
    {
        var rows = new Dictionary<int, (string, DateOnly)>();
        foreach (var line in File.ReadLines(Repo.Path("data", "cow", "states2016.csv")).Skip(1))
        {
            var f = line.Split(',');
            var cow = int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture);
            var from = new DateOnly(int.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture), int.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture), int.Parse(f[5], System.Globalization.CultureInfo.InvariantCulture));
            rows.TryAdd(cow, (f[0], from));
        }
        return rows;
    }

    [Theory]
    [InlineData("XK")]
    [InlineData("XKX")]
    [InlineData("Kosovo")]
    [InlineData("347")]
    [InlineData("KOS")]
    public void Kosovo_resolves_as_COW_has_it_without_an_ISO_code(string query)
    {
        var r = Shipped.Value.Resolve(query);
        Assert.True(r.Ok, r.Error);
        var cow = Cow()[347];
        Assert.Equal(347, r.State!.Cow);
        Assert.Equal(cow.Abb, r.State.Cowc);
        Assert.Equal(cow.From, r.State.Spells[0].From);
        Assert.Null(r.State.Iso2);
        Assert.Null(r.State.Iso3);
        Assert.Contains("user-assigned", r.State.Note);
    }

    [Fact]
    public void No_state_is_labelled_with_another_states_ISO_code()
    {
        var registry = Shipped.Value;
        var iso3 = registry.All.Where(s => s.Iso3 is not null).ToDictionary(s => s.Iso3!, s => s.Cow);
        foreach (var s in registry.All)
            Assert.False(iso3.TryGetValue(s.Code, out var owner) && owner != s.Cow, $"{s.Name} (COW {s.Cow}) is labelled {s.Code}, the ISO code of COW {owner}");
        // The two COW abbreviations that are modern ISO alpha-3 codes of other states.
        Assert.Equal("COW-KOR", registry.ByCow(730)!.Code);
        Assert.Equal("COW-CZE", registry.ByCow(315)!.Code);
        Assert.Equal(730, registry.Resolve("COW-KOR").State!.Cow);
        // Historic states whose COW letters are nobody's ISO code keep them.
        Assert.Equal("GFR", registry.ByCow(260)!.Code);
    }
}
