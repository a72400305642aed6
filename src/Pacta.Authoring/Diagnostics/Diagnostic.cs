namespace Pacta.Authoring.Diagnostics;

/// <summary>
/// One validation error. Its text form is the public contract:
/// <c>path:line:column: error CODE: message</c>.
/// </summary>
public sealed record Diagnostic(string File, int Line, int Column, string Code, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: error {Code}: {Message}";
}
