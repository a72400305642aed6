namespace Pacta.Authoring.Diagnostics;

/// <summary>
/// One validation error or warning. Its text form is the public contract:
/// <c>path:line:column: error CODE: message</c> (or <c>warning CODE</c>).
/// </summary>
public sealed record Diagnostic(string File, int Line, int Column, string Code, string Message)
{
    /// <summary>A warning (source hygiene) does not stop loading and fails <c>pacta check</c> only under <c>--strict</c>.</summary>
    public bool IsWarning { get; init; }

    public string Severity => IsWarning ? "warning" : "error";

    public override string ToString() => $"{File}:{Line}:{Column}: {Severity} {Code}: {Message}";
}
