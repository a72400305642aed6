namespace Pacta.Domain;

/// <summary>Where a model element was read from (file, line, column), for error messages and explanations; not its identity (<see cref="StableIds"/>).</summary>
[JsonOmit] // not in the JSON but where a property names the member (an agreement's file, a provision's line)
public sealed record Position(string File, int Line, int Column)
{
    public static readonly Position None = new("", 0, 0);
}
