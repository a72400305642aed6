using Pacta.Authoring.Data;
using Pacta.Tests.Support;

namespace Pacta.Tests.Data;

public class DataFileErrorTests
{
    private const string StatesHeader = "cow,cowc,iso3,iso2,name,from,to\n";
    private const string Aliases = "alias,cow\nRussian Federation,365\n";

    private static DataFileException StatesError(string states, string aliases = Aliases) =>
        Assert.Throws<DataFileException>(() =>
            StateData.Parse(new StringReader(states), "my/states.csv", new StringReader(aliases), "my/aliases.csv"));

    private const string LocationsHeader = "code,name,country,sovereign,continent,latitude,longitude,island\n";
    private const string Locations = LocationsHeader +
        "UA,Ukraine,UA,UA,Europe,49.2,31.3,false\n" +
        "UA-43,Crimea,UA,UA,Europe,45.3,34.3,false\n";
    private const string Region = "- id: ua\n  name: Ukraine\n  include: [UA]\n";

    private static DataFileException LocationsError(string locations, string regions = Region) =>
        Assert.Throws<DataFileException>(() =>
            LocationData.Parse(new StringReader(locations), "my/locations.csv", new StringReader(regions), "my/regions.yaml"));

    [Fact]
    public void Valid_small_files_load()
    {
        var reg = StateData.Parse(new StringReader(StatesHeader + "365,RUS,RUS,RU,Russia,1816-01-01,\n"), "s", new StringReader(Aliases), "a");
        Assert.Equal(365, reg.Resolve("Russian Federation").State!.Cow);
        var index = LocationData.Parse(new StringReader(Locations), "l", new StringReader(Region), "r");
        Assert.True(index.Matches(index.Find("UA-43")!, "region:ua"));
    }

    [Fact]
    public void Bad_date_points_at_line_and_column()
    {
        var e = StatesError(StatesHeader + "365,RUS,RUS,RU,Russia,1816-01-01,\n2,USA,USA,US,United States,1816-13-01,\n");
        Assert.Equal("my/states.csv", e.File);
        Assert.Equal(3, e.Line);
        Assert.Equal(28, e.Column);
        Assert.StartsWith("my/states.csv:3:28: error DATA:", e.Message);
        Assert.Contains("1816-13-01", e.Message);
    }

    [Fact]
    public void Wrong_header_is_reported_on_line_1()
    {
        var e = StatesError("cow,letters,iso3,iso2,name,from,to\n");
        Assert.Equal((1, 5), (e.Line, e.Column));
        Assert.Contains("expected 'cowc'", e.Message);
    }

    [Fact]
    public void Wrong_field_count_and_unclosed_quote()
    {
        var e = StatesError(StatesHeader + "365,RUS,RUS,RU,Russia,1816-01-01\n");
        Assert.Equal(2, e.Line);
        Assert.Contains("expected 7 fields", e.Message);
        e = StatesError(StatesHeader + "365,RUS,RUS,RU,\"Russia,1816-01-01,\n");
        Assert.Equal((2, 16), (e.Line, e.Column));
        Assert.Contains("not closed", e.Message);
    }

    [Fact]
    public void Overlapping_spells_and_inconsistent_rows_are_errors()
    {
        var e = StatesError(StatesHeader + "255,GMY,DEU,DE,Germany,1816-01-01,1945-05-08\n255,GMY,DEU,DE,Germany,1945-05-08,\n");
        Assert.Equal(3, e.Line);
        Assert.Contains("overlaps", e.Message);
        e = StatesError(StatesHeader + "255,GMY,DEU,DE,Germany,1816-01-01,1945-05-08\n255,GMY,DEU,DE,Deutschland,1990-10-03,\n");
        Assert.Contains("named 'Germany'", e.Message);
        e = StatesError(StatesHeader + "2,USA,USA,US,United States,1816-01-01,\n20,CAN,USA,CA,Canada,1920-01-10,\n");
        Assert.Contains("already used by COW 2", e.Message);
        e = StatesError(StatesHeader + "2,USA,USA,US,United States,1816-01-01,1800-01-01\n");
        Assert.Contains("before it starts", e.Message);
    }

    [Fact]
    public void Alias_errors()
    {
        const string states = StatesHeader + "365,RUS,RUS,RU,Russia,1816-01-01,\n2,USA,USA,US,United States,1816-01-01,\n";
        var e = StatesError(states, "alias,cow\nRussian Federation,366\n");
        Assert.Equal(("my/aliases.csv", 2, 20), (e.File, e.Line, e.Column));
        Assert.Contains("no state has COW code 366", e.Message);
        e = StatesError(states, "alias,cow\nRussia,2\n");
        Assert.Contains("is the name of COW 365", e.Message);
        e = StatesError(states, "alias,cow\nUSSR,365\nussr,365\n");
        Assert.Contains("already listed on line 2", e.Message);
    }

    [Fact]
    public void Location_errors()
    {
        var e = LocationsError(LocationsHeader + "UA,Ukraine,UA,UA,Europa,49.2,31.3,false\n");
        Assert.Equal((2, 18), (e.Line, e.Column));
        Assert.Contains("not a continent", e.Message);
        e = LocationsError(LocationsHeader + "UA,Ukraine,UA,UA,Europe,99,31.3,false\n");
        Assert.Contains("outside -90..90", e.Message);
        e = LocationsError(LocationsHeader + "UA-43,Crimea,UA,UA,Europe,45.3,34.3,false\n");
        Assert.Contains("country 'UA' is not listed", e.Message);
        e = LocationsError(LocationsHeader + "UA,Ukraine,UA,UA,Europe,49.2,31.3,yes\n");
        Assert.Contains("not true or false", e.Message);
        e = LocationsError(Locations + "UA,Ukraine,UA,UA,Europe,49.2,31.3,false\n");
        Assert.Contains("already listed on line 2", e.Message);
        e = LocationsError(LocationsHeader + "Ukraine,Ukraine,UA,UA,Europe,49.2,31.3,false\n");
        Assert.Equal((2, 1), (e.Line, e.Column));
    }

    [Fact]
    public void Region_errors_point_into_the_yaml()
    {
        var e = LocationsError(Locations, "- id: ua\n  nme: Ukraine\n");
        Assert.Equal(("my/regions.yaml", 2, 3), (e.File, e.Line, e.Column));
        Assert.Contains("unknown key 'nme'", e.Message);
        Assert.Contains("did you mean 'name'", e.Message);
        e = LocationsError(Locations, "- id: ua\n  name: Ukraine\n  include: [UA, XX-99]\n");
        Assert.Equal((3, 17), (e.Line, e.Column));
        Assert.Contains("unknown location 'XX-99'", e.Message);
        e = LocationsError(Locations, "- id: ua\n  name: Ukraine\n  include: [region:nowhere]\n");
        Assert.Contains("unknown region 'nowhere'", e.Message);
        e = LocationsError(Locations, "- id: a\n  name: A\n  include: [region:b]\n- id: b\n  name: B\n  include: [region:a]\n");
        Assert.Contains("circle", e.Message);
        e = LocationsError(Locations, "- id: ua\n  name: Ukraine\n  north_of: north\n");
        Assert.Contains("latitude", e.Message);
        e = LocationsError(Locations, "- id: ua\n  name: Ukraine\n  continents: [Eurasia]\n");
        Assert.Contains("not a continent", e.Message);
        e = LocationsError(Locations, "- id: ua\n  name: [Ukraine\n");
        Assert.Contains("not valid YAML", e.Message);
        e = LocationsError(Locations, "- id: ua\n  name: A\n- id: ua\n  name: B\n");
        Assert.Contains("already defined on line 1", e.Message);
    }

    [Fact]
    public void Missing_file_is_a_data_file_error()
    {
        var e = Assert.Throws<DataFileException>(() => StateData.Load("/nonexistent/states.csv", "/nonexistent/aliases.csv"));
        Assert.Equal("/nonexistent/states.csv", e.File);
    }

    [Fact]
    public void Data_paths_find_the_repository_data_folder()
    {
        // From inside the source tree the walk up reaches the repository's data folder.
        var fromSource = DataPaths.Find(Repo.Path("src", "Pacta.Authoring", "Data"));
        Assert.Equal(Path.GetFullPath(Repo.Path("data")), fromSource);
        Assert.True(DataPaths.IsDataDirectory(fromSource!));
        Assert.Null(DataPaths.Find(Path.GetPathRoot(Path.GetTempPath())!));
        // The test binaries live under the repository (or have data/ copied beside them), so the default works.
        Assert.True(DataPaths.IsDataDirectory(DataPaths.DataDirectory));
        foreach (var f in new[] { DataPaths.StatesCsv, DataPaths.AliasesCsv, DataPaths.LocationsCsv, DataPaths.RegionsYaml })
            Assert.True(File.Exists(f), f);
        Assert.Equal(195, StateData.LoadDefault().All.Count(s => s.Spells[^1].To is null));
        Assert.NotNull(LocationData.LoadDefault().Find("UA-43"));
    }
}
