using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pacta.Evaluation.Validation;

/// <summary>
/// The fitted joining model as data (data/join-model/coefficients.json): one coefficient per feature of
/// <see cref="JoinFeatures.Names"/>, the penalty and what it was fitted on. Written by <c>pacta validate fit</c>.
/// </summary>
public sealed record JoinCoefficients(IReadOnlyList<double> Values, double Ridge, string FittedOn, int Wars, int Rows, int Joiners)
{
    /// <summary>The file read, with its hash (set by the reader of the file; null for coefficients made in code).</summary>
    public Pacta.Evaluation.Cascade.JoinModelFile? Source { get; init; }

    public const string Command = "pacta validate fit --out data/join-model/coefficients.json";

    public string ToJson()
    {
        var coefficients = new JsonObject();
        for (var i = 0; i < Values.Count; i++) coefficients[JoinFeatures.Names[i]] = Math.Round(Values[i], 10);
        var o = new JsonObject
        {
            ["model"] = "conditional logit, outcomes none, attacker side, target side (docs/validation.md)",
            ["fitted_on"] = FittedOn,
            ["wars"] = Wars,
            ["rows"] = Rows,
            ["joiners"] = Joiners,
            ["ridge"] = Ridge,
            ["refit"] = Command,
            ["coefficients"] = coefficients,
        };
        return o.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    /// <summary>Reads the file's text; errors name <paramref name="file"/> and the line and column, or the field.</summary>
    public static JoinCoefficients Parse(string text, string file)
    {
        JsonNode? root;
        try { root = JsonNode.Parse(text); }
        catch (JsonException e) { throw new FormatException($"{file}: line {(e.LineNumber ?? 0) + 1}, column {(e.BytePositionInLine ?? 0) + 1}: not valid JSON ({FirstSentence(e.Message)})"); }
        if (root is not JsonObject o) throw new FormatException($"{file}: line 1, column 1: expected a JSON object");
        if (o["coefficients"] is not JsonObject c) throw new FormatException($"{file}: field 'coefficients' is missing or not an object");
        foreach (var key in c.Select(kv => kv.Key))
            if (!JoinFeatures.Names.Contains(key)) throw new FormatException($"{file}: field 'coefficients.{key}' is not a feature (expected {string.Join(", ", JoinFeatures.Names)})");
        var values = JoinFeatures.Names.Select(n => Number(c[n], $"coefficients.{n}", file)).ToArray();
        var ridge = o["ridge"] is null ? ConditionalLogit.DefaultRidge : Number(o["ridge"], "ridge", file);
        int Int(string name) => o[name] is null ? 0 : (int)Number(o[name], name, file);
        return new JoinCoefficients(values, ridge, o["fitted_on"]?.GetValueKind() == JsonValueKind.String ? (string)o["fitted_on"]! : "", Int("wars"), Int("rows"), Int("joiners"));
    }

    private static double Number(JsonNode? node, string field, string file)
    {
        if (node is null) throw new FormatException($"{file}: field '{field}' is missing");
        if (node.GetValueKind() != JsonValueKind.Number || !double.IsFinite(node.GetValue<double>()))
            throw new FormatException($"{file}: field '{field}' must be a finite number, not {node.ToJsonString()}");
        return node.GetValue<double>();
    }

    private static string FirstSentence(string message) => message.Split(". ")[0].TrimEnd('.');

    public override string ToString() =>
        string.Join(", ", Values.Select((v, i) => $"{JoinFeatures.Names[i]} {v.ToString("0.###", CultureInfo.InvariantCulture)}"));
}
