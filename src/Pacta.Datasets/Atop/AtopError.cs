namespace Pacta.Datasets.Atop;

/// <summary>A located problem in an ATOP file: <c>file:line:column: error CODE: message</c> (line 1 is the header; column is the field number).</summary>
public sealed record AtopError(string File, int Line, int Column, string Code, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: error {Code}: {Message}";
}
