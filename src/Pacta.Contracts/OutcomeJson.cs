using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pacta.Domain;
using Pacta.Evaluation;

namespace Pacta.Contracts;

/// <summary>
/// The <c>what-if</c> JSON contract (docs/model.md), plus a few extra fields consumers may ignore. One writer,
/// straight to UTF-8 (<see cref="Write(Utf8JsonWriter, Corpus, Outcome)"/>), without building a node per value — a
/// whole-corpus outcome is some 10⁵ values; the document form (<see cref="Outcome"/>) is parsed from its bytes, so
/// each field is written in one place. A triggered obligation's amounts and conditions are the model's own, written
/// by <see cref="AgreementJson"/>.
/// </summary>
public static class OutcomeJson
{
    /// <summary>The document as a node (for callers that edit or embed it), parsed from what <see cref="Write(Utf8JsonWriter, Corpus, Outcome)"/> writes.</summary>
    public static JsonObject Outcome(Corpus corpus, Outcome o) =>
        JsonNode.Parse(ToUtf8(corpus, o, default))!.AsObject();

    public static JsonObject Event(Event e) => new()
    {
        ["kind"] = Words.Of(e.Kind),
        ["attacker"] = JsonShapes.State(e.Attacker),
        ["target"] = JsonShapes.State(e.Target),
        ["date"] = e.Time is { } t ? $"{e.Date:yyyy-MM-dd}T{t:HH:mm}:00Z" : e.Date.ToString("yyyy-MM-dd"),
        ["location"] = e.Location.Code,
        ["attributes"] = Attributes(e.Attributes),
    };

    /// <summary>What the event states of its character, name → true/false; an attribute not listed is unknown.</summary>
    public static JsonObject Attributes(EventAttributes a) =>
        new(a.Known.Select(k => KeyValuePair.Create(k.Key, (JsonNode?)JsonValue.Create(k.Value))));

    public static JsonObject Assumptions(Corpus corpus, Assumptions a) => new()
    {
        ["ceasefires"] = new JsonArray(a.Ceasefires.Select(c => (JsonNode)new JsonObject { ["conflict"] = c.Conflict, ["from"] = c.From.ToString("yyyy-MM-dd") }).ToArray()),
        ["adopted"] = new JsonArray(a.Adopted.Select(x => (JsonNode)new JsonObject { ["agreement"] = x.Agreement, ["from"] = JsonShapes.Date(x.From) }).ToArray()),
        ["members"] = new JsonArray(a.Members.Select(m => (JsonNode)new JsonObject
        {
            ["state"] = JsonShapes.State(corpus.States, m.State),
            ["of"] = m.Of,
            ["from"] = JsonShapes.Date(m.From),
        }).ToArray()),
    };

    /// <summary>The document as <see cref="JsonShapes.Write"/> prints <see cref="Outcome"/>: the same characters, without the document.</summary>
    public static string ToJsonString(Corpus corpus, Outcome o) =>
        Render(corpus, o, Indented, bytes => Encoding.UTF8.GetString(bytes));

    /// <summary>UTF-8 of the document, with the given writer options (e.g. not indented, for HTTP).</summary>
    public static byte[] ToUtf8(Corpus corpus, Outcome o, JsonWriterOptions options) =>
        Render(corpus, o, options, bytes => bytes.ToArray());

    /// <summary>Writes the UTF-8 of the document to <paramref name="output"/> in one piece (what <c>what-if --json</c> prints).</summary>
    public static void Write(Stream output, Corpus corpus, Outcome o, JsonWriterOptions options) =>
        Render(corpus, o, options, bytes => { output.Write(bytes); return 0; });

    private delegate T Finish<T>(ReadOnlySpan<byte> utf8);

    /// <summary>Writes the document into a pooled buffer and hands the bytes to <paramref name="finish"/>.</summary>
    private static T Render<T>(Corpus corpus, Outcome o, JsonWriterOptions options, Finish<T> finish)
    {
        var buffer = Buffer.Rent();
        try
        {
            using (var w = new Utf8JsonWriter(buffer, options)) Write(w, corpus, o);
            return finish(buffer.WrittenSpan);
        }
        finally
        {
            Buffer.Return(buffer);
        }
    }

    /// <summary>The writer options <see cref="JsonShapes.Options"/> stands for.</summary>
    public static readonly JsonWriterOptions Indented = new()
    {
        Indented = true,
        Encoder = JsonShapes.Options.Encoder,
        SkipValidation = true,
    };

    /// <summary>Writes the document of <see cref="Outcome"/> value by value.</summary>
    public static void Write(Utf8JsonWriter w, Corpus corpus, Outcome o)
    {
        var model = new AgreementJson(corpus);
        w.WriteStartObject();
        w.WritePropertyName(P.Event);
        Event(o.Event).WriteTo(w, JsonShapes.Options);
        w.WritePropertyName(P.Assumptions);
        Assumptions(corpus, o.Assumptions).WriteTo(w, JsonShapes.Options);
        w.WritePropertyName(P.Answer);
        AnswerJson.Of(Answer.Of(o)).WriteTo(w, JsonShapes.Options);

        w.WriteStartArray(P.Triggered);
        foreach (var t in o.Triggered) WriteTriggered(w, model, t);
        w.WriteEndArray();

        w.WriteStartArray(P.Breached);
        foreach (var b in o.Breached)
        {
            w.WriteStartObject();
            WriteSource(w, b.Agreement, b.Provision);
            w.WritePropertyName(P.Obligor);
            WriteState(w, b.Obligor);
            w.WritePropertyName(P.Beneficiary);
            WriteState(w, b.Beneficiary);
            w.WritePropertyName(P.Explanation);
            WriteTree(w, b.Explanation);
            ReadingsJson.WriteDependency(w, b.Agreement, b.Provision, b.Obligor.Cow);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray(P.NotTriggered);
        foreach (var n in o.NotTriggered)
        {
            w.WriteStartObject();
            WriteSource(w, n.Agreement, n.Provision);
            w.WriteString(P.Reason, n.Reason);
            w.WritePropertyName(P.Explanation);
            WriteTree(w, n.Explanation);
            ReadingsJson.WriteDependency(w, n.Agreement, n.Provision);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WritePropertyName(P.Readings);
        ReadingsJson.Applied(o).WriteTo(w, JsonShapes.Options);
        w.WriteEndObject();
    }

    /// <summary>The agreement and provision an item cites.</summary>
    private static void WriteSource(Utf8JsonWriter w, Agreement agreement, Provision provision)
    {
        w.WriteString(P.Agreement, agreement.Id);
        w.WriteString(P.Provision, provision.Citation);
        w.WriteString(P.ProvisionId, provision.Id);
    }

    private static void WriteTriggered(Utf8JsonWriter w, AgreementJson model, TriggeredObligation t)
    {
        var ob = t.Obligation;
        w.WriteStartObject();
        WriteSource(w, t.Agreement, t.Provision);
        w.WriteString(P.ObligationId, StableIds.Obligation(t.Agreement, t.Provision, ob));
        w.WriteString(P.Kind, WordCache.Of(t.Provision.Kind));
        w.WritePropertyName(P.Obligor);
        if (t.ObligorOrganization is not null) ReadingsJson.Obligor(t).WriteTo(w, JsonShapes.Options);
        else WriteState(w, t.Obligor);
        w.WritePropertyName(P.Beneficiary);
        WriteState(w, t.Beneficiary);
        w.WriteString(P.Action, ob.Action);
        w.WriteString(P.Strength, WordCache.Of(ob.Strength));
        w.WriteString(P.Bindingness, WordCache.Of(t.Agreement.Bindingness));
        w.WriteString(P.Deadline, t.Deadline?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ"));
        w.WriteString(P.Firmness, ob.Deadline is null ? null : WordCache.Of(ob.Firmness));
        w.WriteString(P.Timing, ob.Timing);
        w.WriteBoolean(P.Hypothetical, t.Hypothetical);
        w.WriteStartArray(P.Undecided);
        foreach (var u in t.UndecidedBy) w.WriteStringValue(u);
        w.WriteEndArray();
        w.WriteStartArray(P.Assistance);
        foreach (var a in ob.Assistance) w.WriteStringValue(WordCache.Of(a));
        w.WriteEndArray();
        w.WriteStartArray(P.Amounts);
        foreach (var a in ob.Amounts) model.Write(w, a);
        w.WriteEndArray();
        w.WriteStartArray(P.Conditions);
        foreach (var c in t.Conditions) model.Write(w, c);
        w.WriteEndArray();
        w.WritePropertyName(P.Explanation);
        WriteTree(w, t.Explanation);
        ReadingsJson.WriteDependency(w, t.Agreement, t.Provision, ReadingsJson.ObligorCow(t));
        w.WriteEndObject();
    }

    private static void WriteState(Utf8JsonWriter w, State s)
    {
        w.WriteStartObject();
        w.WriteNumber(P.Cow, s.Cow);
        w.WriteString(P.Iso3, s.Iso3);
        w.WriteString(P.Name, s.Name);
        w.WriteEndObject();
    }

    private static void WriteTree(Utf8JsonWriter w, Explanation e)
    {
        w.WriteStartObject();
        w.WriteString(P.Check, e.Check);
        w.WriteString(P.Result, e.Result switch { CheckResult.Met => P.Met, CheckResult.NotMet => P.NotMet, _ => P.Unknown });
        if (e.Source is { } s)
        {
            w.WriteStartObject(P.Source);
            w.WriteString(P.Agreement, s.Agreement);
            w.WriteString(P.Provision, s.Provision);
            w.WriteString(P.File, s.File);
            w.WriteNumber(P.Line, s.Line);
            w.WriteEndObject();
        }
        else w.WriteNull(P.Source);
        w.WriteStartArray(P.Children);
        for (var i = 0; i < e.Children.Count; i++) WriteTree(w, e.Children[i]);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Property names and fixed values, escaped once.</summary>
    private static class P
    {
        public static readonly JsonEncodedText Event = JsonEncodedText.Encode("event");
        public static readonly JsonEncodedText Assumptions = JsonEncodedText.Encode("assumptions");
        public static readonly JsonEncodedText Answer = JsonEncodedText.Encode("answer");
        public static readonly JsonEncodedText Triggered = JsonEncodedText.Encode("triggered");
        public static readonly JsonEncodedText Breached = JsonEncodedText.Encode("breached");
        public static readonly JsonEncodedText NotTriggered = JsonEncodedText.Encode("not_triggered");
        public static readonly JsonEncodedText Agreement = JsonEncodedText.Encode("agreement");
        public static readonly JsonEncodedText Provision = JsonEncodedText.Encode("provision");
        public static readonly JsonEncodedText ProvisionId = JsonEncodedText.Encode("provision_id");
        public static readonly JsonEncodedText ObligationId = JsonEncodedText.Encode("obligation_id");
        public static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
        public static readonly JsonEncodedText Obligor = JsonEncodedText.Encode("obligor");
        public static readonly JsonEncodedText Beneficiary = JsonEncodedText.Encode("beneficiary");
        public static readonly JsonEncodedText Action = JsonEncodedText.Encode("action");
        public static readonly JsonEncodedText Strength = JsonEncodedText.Encode("strength");
        public static readonly JsonEncodedText Bindingness = JsonEncodedText.Encode("bindingness");
        public static readonly JsonEncodedText Deadline = JsonEncodedText.Encode("deadline");
        public static readonly JsonEncodedText Firmness = JsonEncodedText.Encode("firmness");
        public static readonly JsonEncodedText Timing = JsonEncodedText.Encode("timing");
        public static readonly JsonEncodedText Hypothetical = JsonEncodedText.Encode("hypothetical");
        public static readonly JsonEncodedText Undecided = JsonEncodedText.Encode("undecided");
        public static readonly JsonEncodedText Assistance = JsonEncodedText.Encode("assistance");
        public static readonly JsonEncodedText Amounts = JsonEncodedText.Encode("amounts");
        public static readonly JsonEncodedText Conditions = JsonEncodedText.Encode("conditions");
        public static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");
        public static readonly JsonEncodedText Explanation = JsonEncodedText.Encode("explanation");
        public static readonly JsonEncodedText Cow = JsonEncodedText.Encode("cow");
        public static readonly JsonEncodedText Iso3 = JsonEncodedText.Encode("iso3");
        public static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
        public static readonly JsonEncodedText Check = JsonEncodedText.Encode("check");
        public static readonly JsonEncodedText Result = JsonEncodedText.Encode("result");
        public static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
        public static readonly JsonEncodedText File = JsonEncodedText.Encode("file");
        public static readonly JsonEncodedText Line = JsonEncodedText.Encode("line");
        public static readonly JsonEncodedText Children = JsonEncodedText.Encode("children");
        public static readonly JsonEncodedText Met = JsonEncodedText.Encode("met");
        public static readonly JsonEncodedText NotMet = JsonEncodedText.Encode("not met");
        public static readonly JsonEncodedText Unknown = JsonEncodedText.Encode("unknown");
        public static readonly JsonEncodedText Readings = JsonEncodedText.Encode("readings");
    }

    /// <summary>One reusable output buffer per thread: an outcome is megabytes, and growing a fresh buffer each time costs more than writing it.</summary>
    private static class Buffer
    {
        [ThreadStatic]
        private static ArrayBufferWriter<byte>? _spare;

        public static ArrayBufferWriter<byte> Rent()
        {
            var b = _spare ?? new ArrayBufferWriter<byte>(1 << 16);
            _spare = null;
            return b;
        }

        public static void Return(ArrayBufferWriter<byte> b)
        {
            b.ResetWrittenCount();
            _spare = b;
        }
    }
}
