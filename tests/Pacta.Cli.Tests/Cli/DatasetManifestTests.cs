using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Pacta.Tests.Support;

namespace Pacta.Tests.Cli;

/// <summary>Every shipped dataset file is in the manifest with its current checksum, and every manifest entry is cited.</summary>
public sealed class DatasetManifestTests
{
    [Fact]
    public void Manifest_ChecksumsMatchShippedFiles()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Repo.Path("data", "datasets.json")))!.AsArray();
        foreach (var d in manifest)
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)d!["citation"]));
            Assert.False(string.IsNullOrWhiteSpace((string?)d["licence"]));
            foreach (var f in d["files"]!.AsArray())
            {
                var path = Repo.Path("data", (string)f!["path"]!);
                var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
                Assert.True(hash == (string?)f["sha256"], $"{path} changed; run scripts/update-manifest.py");
            }
        }
    }

    [Fact]
    public void Manifest_CoversEveryDataFileShipped()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Repo.Path("data", "datasets.json")))!.AsArray();
        var listed = manifest.SelectMany(d => d!["files"]!.AsArray().Select(f => (string)f!["path"]!)).ToHashSet();
        var shipped = Directory.EnumerateFiles(Repo.Path("data"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Repo.Path("data"), f).Replace('\\', '/'))
            .Where(f => !f.EndsWith(".md", StringComparison.Ordinal) && f != "datasets.json" && !f.Contains("/tools/", StringComparison.Ordinal))
            .ToList();
        Assert.All(shipped, f => Assert.Contains(f, listed));
    }
}
