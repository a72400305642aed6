using Pacta.Domain;

namespace Pacta.Datasets;

/// <summary>
/// The frame of every dyad of state-system members in each year, with the alliance columns 0: a pair counts in
/// a year when both states are system members on at least one common day of that year (the frame that
/// peacesciencer's create_dyadyears() builds). Join alliance columns with <see cref="DyadYears.AddAtop"/>.
/// </summary>
public static class AllPairs
{
    /// <summary>Every ordered pair (2.25 million rows for 1816–2025), sorted by ccode1, ccode2, year.</summary>
    public static DyadFrame Directed(IEnumerable<State> states, YearRange years) => new(new SystemYears(states, years), true, null);

    /// <summary>Every unordered pair with ccode1 &lt; ccode2, sorted.</summary>
    public static DyadFrame Undirected(IEnumerable<State> states, YearRange years) => new(new SystemYears(states, years), false, null);

    /// <summary>The number of rows of the directed or undirected frame.</summary>
    public static long Count(IEnumerable<State> states, YearRange years, bool directed) =>
        (directed ? Directed(states, years) : Undirected(states, years)).RowCount();
}
