using System.Buffers;
using System.Text.Json;
using Pacta.Domain;
using Pacta.Evaluation;

namespace Pacta.Contracts;

/// <summary>
/// The agreement JSON (docs/model.md; <c>pacta show --json</c>, <c>GET /api/agreements/{id}</c>) and the model
/// pieces other documents embed (a triggered obligation's amounts and conditions). Every field is written by code
/// generated at compile time from the model types (<c>src/Pacta.Generators/ModelJsonGenerator.cs</c>, one
/// <c>Write</c> per record reachable from <see cref="Agreement"/>); the attributes of Pacta.Domain's JsonContract.cs
/// say where the contract's names or order differ from the naming rule. What is written here by hand is only what
/// needs the corpus or the item's place: states by code, selectors, stable ids, contested clauses.
/// </summary>
[ModelJson(typeof(Agreement))]
public sealed partial class AgreementJson(Corpus corpus)
{
    private Agreement? _agreement;
    private Provision? _provision;

    /// <summary>The agreement as UTF-8 JSON, written with <paramref name="options"/>.</summary>
    public static byte[] ToUtf8(Corpus corpus, Agreement a, JsonWriterOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>(1 << 14);
        using (var w = new Utf8JsonWriter(buffer, options)) new AgreementJson(corpus).Write(w, a);
        return buffer.WrittenSpan.ToArray();
    }

    // The place of what is being written, for the stable ids and the contested clauses.
    partial void Begin(Agreement v) => _agreement = v;
    partial void Begin(Provision v) => _provision = v;

    private static string Word<T>(T value) where T : struct, Enum => WordCache.Of(value);

    private void ProvisionId(Utf8JsonWriter w, Provision p) =>
        w.WriteStringValue(_agreement is null ? null : StableIds.Provision(_agreement, p));

    private void ObligationId(Utf8JsonWriter w, Obligation o) =>
        w.WriteStringValue(_agreement is null || _provision is null ? null : StableIds.Obligation(_agreement, _provision, o));

    /// <summary>A state by its COW code: <c>{"cow", "iso3", "name"}</c>, as <see cref="JsonShapes.State(StateRegistry, int)"/>.</summary>
    public void State(Utf8JsonWriter w, int cow)
    {
        w.WriteStartObject();
        w.WriteNumber(K.Cow, cow);
        if (corpus.States.ByCow(cow) is { } s)
        {
            w.WriteString(K.Iso3, s.Iso3);
            w.WriteString(K.Name, s.Name);
        }
        else
        {
            w.WriteNull(K.Iso3);
            w.WriteString(K.Name, $"COW {cow}");
        }
        w.WriteEndObject();
    }

    /// <summary>A selector: a list of states, <c>"role:guarantor"</c>, an organization with its name, or its kind's word.</summary>
    private void Selector(Utf8JsonWriter w, Selector s)
    {
        switch (s.Kind)
        {
            case SelectorKind.States:
                w.WriteStartArray();
                foreach (var c in s.States) State(w, c);
                w.WriteEndArray();
                break;
            case SelectorKind.Role:
                w.WriteStringValue($"role:{Word(s.Role!.Value)}");
                break;
            case SelectorKind.Organization:
                w.WriteStartObject();
                w.WriteString("organization", s.Organization);
                w.WriteString(K.Name, corpus.Organization(s.Organization!)?.Name);
                w.WriteEndObject();
                break;
            default:
                w.WriteStringValue(Word(s.Kind));
                break;
        }
    }

    private static void Duration(Utf8JsonWriter w, IsoDuration d) => w.WriteStringValue(d.ToString());

    /// <summary>A contested clause as <c>pacta readings</c> lists it, with the reading applied.</summary>
    private void Contested(Utf8JsonWriter w, ContestedClause c) =>
        ReadingsJson.Clause(_agreement!, c).WriteTo(w, JsonShapes.Options);

    /// <summary>Keys written by hand here, escaped once.</summary>
    private static class K
    {
        public static readonly JsonEncodedText Cow = JsonEncodedText.Encode("cow");
        public static readonly JsonEncodedText Iso3 = JsonEncodedText.Encode("iso3");
        public static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    }
}

/// <summary>Asks <c>ModelJsonGenerator</c> for a JSON writer of <paramref name="root"/> and every type it reaches.</summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class ModelJsonAttribute(Type root) : Attribute
{
    public Type Root { get; } = root;
}
