namespace Pacta.Authoring.Data;

/// <summary>
/// A data file (states, aliases, locations, regions) that cannot be read. The message starts with
/// <c>file:line:column:</c> so that it reads like every other diagnostic Pacta prints; <see cref="Detail"/>
/// holds the bare explanation.
/// </summary>
public sealed class DataFileException : Exception
{
    public DataFileException(string file, int line, int column, string detail, Exception? inner = null)
        : base($"{file}:{line}:{column}: error DATA: {detail}", inner)
    {
        File = file;
        Line = line;
        Column = column;
        Detail = detail;
    }

    public string File { get; }
    public int Line { get; }
    public int Column { get; }
    public string Detail { get; }
}
