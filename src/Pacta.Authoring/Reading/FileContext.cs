using Pacta.Authoring.Diagnostics;
using Pacta.Authoring.Yaml;

namespace Pacta.Authoring.Reading;

/// <summary>The file being read and the diagnostics found in it.</summary>
internal sealed class FileContext(string path)
{
    public string Path { get; } = path;
    public List<Diagnostic> Diagnostics { get; } = [];

    public void Error(YamlNode node, string code, string message) => Error(node.Line, node.Column, code, message);

    public void Error(int line, int column, string code, string message) =>
        Diagnostics.Add(new Diagnostic(Path, line, column, code, message));

    public Pacta.Domain.Position At(YamlNode node) => new(Path, node.Line, node.Column);
}
