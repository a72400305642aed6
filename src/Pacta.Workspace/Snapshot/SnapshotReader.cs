using Pacta.Datasets;
using Pacta.Datasets.Atop;
using Pacta.Domain;

namespace Pacta.Workspace.Snapshot;

/// <summary>The loaded model as the workspace hands it out.</summary>
internal sealed record WorkspaceData(StateRegistry States, LocationIndex Locations, AtopRelease Atop, Corpus Corpus);

/// <summary>
/// Reads what <see cref="SnapshotWriter"/> wrote, method for method in the same order. The checksum is verified
/// before parsing, and every count and string index is checked against the bytes left before anything is
/// allocated, so a damaged or hostile file costs at most its own size and ends as a miss.
/// </summary>
internal sealed class SnapshotReader
{
    private readonly BinaryReader _r;
    private readonly string[] _table;

    private SnapshotReader(BinaryReader r, string[] table)
    {
        _r = r;
        _table = table;
    }

    /// <summary>
    /// The workspace, or null when the file is not a whole, intact snapshot of this key: wrong header or key, bad
    /// checksum, truncated, trailing bytes, or any value out of range. Never throws.
    /// </summary>
    public static WorkspaceData? TryRead(byte[] bytes, byte[] key)
    {
        try
        {
            if (bytes.Length < SnapshotFormat.ChecksumBytes || bytes.Length > SnapshotFormat.MaxBytes) return null;
            var content = bytes.AsSpan(0, bytes.Length - SnapshotFormat.ChecksumBytes);
            if (System.IO.Hashing.XxHash3.HashToUInt64(content) != System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(content.Length))) return null;
            using var r = new BinaryReader(new MemoryStream(bytes, 0, content.Length, writable: false), System.Text.Encoding.UTF8);
            if (r.ReadString() != SnapshotFormat.Magic || r.ReadInt32() != SnapshotFormat.Version) return null;
            var keyLength = r.ReadInt32();
            if (keyLength != key.Length || !r.ReadBytes(keyLength).AsSpan().SequenceEqual(key)) return null;
            var table = new string[Count(r)];
            for (var i = 0; i < table.Length; i++) table[i] = r.ReadString();
            var data = new SnapshotReader(r, table).Workspace();
            return r.BaseStream.Position == r.BaseStream.Length ? data : null;
        }
        catch (Exception)
        {
            // A cache: whatever went wrong (a constructor refusing a value, an enum out of range) means "parse the sources".
            return null;
        }
    }

    /// <summary>A count, no larger than the bytes left (every item takes at least one byte).</summary>
    private static int Count(BinaryReader r)
    {
        var n = r.ReadInt32();
        if (n < 0 || n > r.BaseStream.Length - r.BaseStream.Position) throw new InvalidDataException($"count {n} out of range");
        return n;
    }

    private int Count() => Count(_r);

    private WorkspaceData Workspace()
    {
        var states = List(State);
        var aliases = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var n = Count(); n > 0; n--) aliases[Str()] = _r.ReadInt32();
        var registry = new StateRegistry(states, aliases);

        var locations = List(Location);
        var regions = List(Region);
        var history = List(() => new SovereigntySpell(Str(), _r.ReadInt32(), Span()));
        var index = new LocationIndex(locations, regions, history);

        var atop = Atop();

        var agreements = List(Agreement);
        var organizations = List(Organization);
        var conflicts = List(Conflict);
        return new WorkspaceData(registry, index, atop, new Corpus(agreements, organizations, conflicts, registry, index));
    }

    private State State() => new(_r.ReadInt32(), Str(), OptStr(), OptStr(), Str(), List(Span)) { Note = OptStr() };

    private Location Location() =>
        new(Str(), Str(), Str(), Str(), Str(), _r.ReadDouble(), _r.ReadDouble(), _r.ReadBoolean()) { SovereignCow = OptInt() };

    private Region Region() => new(Str(), Str(), Strings(), Strings(), Strings(), OptDouble(), OptDouble(), _r.ReadBoolean(), Str());

    private AtopRelease Atop()
    {
        var version = Str();
        var allianceFile = Str();
        var memberFile = Str();
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var n = Count(); n > 0; n--) columns[Str()] = _r.ReadInt32();
        var coverageEnd = Date();
        return new AtopRelease(version, allianceFile, memberFile, List(Alliance), columns, coverageEnd);
    }

    private AtopAlliance Alliance()
    {
        var id = _r.ReadInt32();
        var cowId = OptInt();
        var cow4Id = OptInt();
        var begin = AtopDate();
        var end = OptAtopDate();
        var inEffect = _r.ReadBoolean();
        var bilateral = _r.ReadBoolean();
        var maxPhase = _r.ReadInt32();
        var asymmetric = _r.ReadBoolean();
        var v = new int?[12];
        for (var i = 0; i < v.Length; i++) v[i] = OptInt();
        var line = _r.ReadInt32();
        return new AtopAlliance(id, cowId, cow4Id, begin, end, inEffect, bilateral, maxPhase, asymmetric,
            v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], line, List(Member));
    }

    private AtopMember Member() => new(_r.ReadInt32(), _r.ReadInt32(), _r.ReadInt32(), _r.ReadBoolean(), AtopDate(), OptAtopDate(),
        _r.ReadBoolean(), (AllianceObligations)_r.ReadByte(), Strings(), _r.ReadBoolean(), _r.ReadBoolean(), OptInt(), _r.ReadInt32());

    private AtopDate AtopDate() => new(_r.ReadInt32(), _r.ReadInt32(), OptInt());

    private AtopDate? OptAtopDate() => _r.ReadBoolean() ? AtopDate() : null;

    private Agreement Agreement()
    {
        var id = Str();
        var title = Str();
        var form = (AgreementForm)_r.ReadInt32();
        var status = (AgreementStatus)_r.ReadInt32();
        var bindingness = (Bindingness)_r.ReadInt32();
        var bindingnessNote = OptStr();
        var dates = new AgreementDates(OptDate(), OptDate(), OptDate(), OptStr(), Duration(), Duration(), OptStr());
        var parties = List(Party);
        var sources = List(Source);
        var provisions = List(Provision);
        var notes = Strings();
        var uncertain = Strings();
        var origin = Str();
        var position = Position();
        var related = List(() => new AgreementRelation(Str(), Str(), Position()));
        var shortTitle = OptStr();
        return new Agreement(id, title, form, status, bindingness, bindingnessNote, dates, parties, sources, provisions, notes, uncertain, origin, position)
        {
            Related = related,
            ShortTitle = shortTitle,
        };
    }

    private Party Party() => new(OptInt(), OptStr(), (PartyRole)_r.ReadInt32(), Span(),
        List(() => new Suspension(Span(), Ints(), Str())), OptStr(), Position());

    private Source Source() => new(Str(), Str(), Str(), OptStr()) { Retrieved = OptDate(), Position = Position() };

    private Provision Provision()
    {
        var id = Str();
        var citation = Str();
        var kind = (ProvisionKind)_r.ReadInt32();
        var summary = Str();
        var quote = OptStr();
        var sources = Strings();
        Trigger? trigger = null;
        if (_r.ReadBoolean())
        {
            var kinds = Enums<TriggerKind>();
            var target = Selector();
            var attacker = Selector();
            var scope = new Scope(Strings(), Strings(), Str(), OptStr());
            trigger = new Trigger(kinds, target, attacker, scope, OptStr(), Position());
        }
        return new Provision(id, citation, kind, summary, quote, sources, trigger, List(Obligation), List(Condition),
            Enums<TriggerKind>(), Strings(), Position())
        { Span = _r.ReadBoolean() ? Span() : null };
    }

    private Obligation Obligation() => new(Selector(), Selector(), Str(), (Strength)_r.ReadInt32(), Enums<AssistanceType>(), Duration(),
        (DeadlineFirmness)_r.ReadInt32(), OptStr(), List(() => new Amount(OptDecimal(), OptStr(), OptStr(), OptStr(), OptDecimal(), OptStr())),
        List(Condition), Position());

    private Condition Condition() => new((ConditionKind)_r.ReadInt32(), Str(), Ints());

    private Selector Selector() => new(Str(), Ints(), _r.ReadBoolean() ? (PartyRole)_r.ReadInt32() : null);

    private Organization Organization() => new(Str(), Str(),
        List(() => new OrganizationMember(_r.ReadInt32(), Span(), OptStr(), Position())), List(Source), Position())
    { Aliases = Strings() };

    private Conflict Conflict() => new(Str(), Str(), Ints(), Ints(), Span(), List(Source), Position());

    private IsoDuration? Duration() => _r.ReadBoolean()
        ? new IsoDuration(_r.ReadInt32(), _r.ReadInt32(), _r.ReadInt32(), _r.ReadInt32(), _r.ReadInt32(), _r.ReadInt32()) { Text = Str() }
        : null;

    private SourcePosition Position() => new(Str(), _r.ReadInt32(), _r.ReadInt32());

    private DateSpan Span() => new(OptDate(), OptDate());

    private DateOnly Date() => DateOnly.FromDayNumber(_r.ReadInt32());

    private DateOnly? OptDate() => _r.ReadBoolean() ? Date() : null;

    private int? OptInt() => _r.ReadBoolean() ? _r.ReadInt32() : null;

    private double? OptDouble() => _r.ReadBoolean() ? _r.ReadDouble() : null;

    private decimal? OptDecimal() => _r.ReadBoolean() ? _r.ReadDecimal() : null;

    private int[] Ints()
    {
        var a = new int[Count()];
        for (var i = 0; i < a.Length; i++) a[i] = _r.ReadInt32();
        return a;
    }

    private T[] Enums<T>() where T : struct, Enum
    {
        var a = new T[Count()];
        for (var i = 0; i < a.Length; i++)
        {
            var v = _r.ReadInt32();
            a[i] = System.Runtime.CompilerServices.Unsafe.As<int, T>(ref v);
        }
        return a;
    }

    private string[] Strings()
    {
        var a = new string[Count()];
        for (var i = 0; i < a.Length; i++) a[i] = Str();
        return a;
    }

    private T[] List<T>(Func<T> item)
    {
        var a = new T[Count()];
        for (var i = 0; i < a.Length; i++) a[i] = item();
        return a;
    }

    private string Str() => Index(_r.ReadInt32());

    private string? OptStr()
    {
        var i = _r.ReadInt32();
        return i == -1 ? null : Index(i);
    }

    private string Index(int i) => (uint)i < (uint)_table.Length ? _table[i] : throw new InvalidDataException($"string {i} out of range");
}
