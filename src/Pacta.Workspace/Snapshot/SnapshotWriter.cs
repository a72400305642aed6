using Pacta.Datasets;
using Pacta.Datasets.Atop;
using Pacta.Domain;

namespace Pacta.Workspace.Snapshot;

/// <summary>
/// Writes the loaded model in a compact binary form. Strings go to a table written before the body, so each
/// distinct string (file names, kinds, codes) is stored and later allocated once. <see cref="SnapshotReader"/>
/// mirrors every method here in the same order; a format change must bump <see cref="SnapshotFormat.Version"/>.
/// </summary>
internal sealed class SnapshotWriter
{
    private readonly MemoryStream _body = new();
    private readonly BinaryWriter _w;
    private readonly Dictionary<string, int> _strings = new(StringComparer.Ordinal);
    private readonly List<string> _table = [];

    public SnapshotWriter() => _w = new BinaryWriter(_body);

    /// <summary>
    /// Header, string table, body, then an XxHash3 of all of it. False (and nothing useful written) when the
    /// snapshot would exceed <see cref="SnapshotFormat.MaxBytes"/>, which the reader refuses.
    /// </summary>
    public bool CopyTo(Stream output, byte[] key)
    {
        _w.Flush();
        using var head = new MemoryStream();
        using (var w = new BinaryWriter(head, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write(SnapshotFormat.Magic);
            w.Write(SnapshotFormat.Version);
            w.Write(key.Length);
            w.Write(key);
            w.Write(_table.Count);
            foreach (var s in _table) w.Write(s);
        }
        if (head.Length + _body.Length + SnapshotFormat.ChecksumBytes > SnapshotFormat.MaxBytes) return false;
        var h = new System.IO.Hashing.XxHash3();
        h.Append(head.GetBuffer().AsSpan(0, (int)head.Length));
        h.Append(_body.GetBuffer().AsSpan(0, (int)_body.Length));
        output.Write(head.GetBuffer(), 0, (int)head.Length);
        output.Write(_body.GetBuffer(), 0, (int)_body.Length);
        Span<byte> checksum = stackalloc byte[SnapshotFormat.ChecksumBytes];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(checksum, h.GetCurrentHashAsUInt64());
        output.Write(checksum);
        return true;
    }

    public void Workspace(StateRegistry states, LocationIndex locations, AtopRelease atop, Corpus corpus)
    {
        List(states.All, State);
        _w.Write(states.Aliases.Count);
        foreach (var (alias, cow) in states.Aliases.OrderBy(x => x.Key, StringComparer.Ordinal)) { Str(alias); _w.Write(cow); }

        List(locations.All.ToList(), Location);
        List(locations.Regions.ToList(), Region);
        List(locations.History.ToList(), h => { Str(h.Code); _w.Write(h.State); Span(h.Span); });

        Atop(atop);

        List(corpus.Agreements, Agreement);
        List(corpus.Organizations, Organization);
        List(corpus.Conflicts, Conflict);
    }

    private void State(State s)
    {
        _w.Write(s.Cow);
        Str(s.Cowc);
        OptStr(s.Iso3);
        OptStr(s.Iso2);
        Str(s.Name);
        List(s.Spells, Span);
        OptStr(s.Note);
    }

    private void Location(Location l)
    {
        Str(l.Code);
        Str(l.Name);
        Str(l.Country);
        Str(l.Sovereign);
        Str(l.Continent);
        _w.Write(l.Latitude);
        _w.Write(l.Longitude);
        _w.Write(l.Island);
        OptInt(l.SovereignCow);
    }

    private void Region(Region r)
    {
        Str(r.Id);
        Str(r.Name);
        Strings(r.Include);
        Strings(r.Exclude);
        Strings(r.Continents);
        OptDouble(r.NorthOf);
        OptDouble(r.SouthOf);
        _w.Write(r.IslandsOnly);
        Str(r.Note);
    }

    private void Atop(AtopRelease a)
    {
        Str(a.Version);
        Str(a.AllianceFile);
        Str(a.MemberFile);
        _w.Write(a.MemberColumns.Count);
        foreach (var (name, index) in a.MemberColumns.OrderBy(x => x.Value)) { Str(name); _w.Write(index); }
        Date(a.CoverageEnd);
        List(a.Alliances, Alliance);
    }

    private void Alliance(AtopAlliance a)
    {
        _w.Write(a.AtopId);
        OptInt(a.CowId);
        OptInt(a.Cow4Id);
        AtopDate(a.Begin);
        OptAtopDate(a.End);
        _w.Write(a.InEffect);
        _w.Write(a.Bilateral);
        _w.Write(a.MaxPhase);
        _w.Write(a.Asymmetric);
        foreach (var v in new[] { a.EstMode, a.PubSecr, a.SecrArt, a.MilAid, a.Organ1, a.OrgPurp1, a.Organ2, a.OrgPurp2, a.Term, a.SpecThrt, a.StatThr1, a.StatThr2 })
            OptInt(v);
        _w.Write(a.Line);
        List(a.Members, Member);
    }

    private void Member(AtopMember m)
    {
        _w.Write(m.AtopId);
        _w.Write(m.State);
        _w.Write(m.Phase);
        _w.Write(m.CowSystem);
        AtopDate(m.Entry);
        OptAtopDate(m.Exit);
        _w.Write(m.InEffect);
        _w.Write((byte)m.Promises);
        Strings(m.Conditions);
        _w.Write(m.Asymmetric);
        _w.Write(m.ObligationsVary);
        OptInt(m.TermMode);
        _w.Write(m.Line);
    }

    private void AtopDate(AtopDate d)
    {
        _w.Write(d.Year);
        _w.Write(d.Month);
        OptInt(d.Day);
    }

    private void OptAtopDate(AtopDate? d)
    {
        _w.Write(d.HasValue);
        if (d is { } v) AtopDate(v);
    }

    private void Agreement(Agreement a)
    {
        Str(a.Id);
        Str(a.Title);
        _w.Write((int)a.Form);
        _w.Write((int)a.Status);
        _w.Write((int)a.Bindingness);
        OptStr(a.BindingnessNote);
        OptDate(a.Dates.Signed);
        OptDate(a.Dates.InForceOn);
        OptDate(a.Dates.Ends);
        OptStr(a.Dates.EndsReason);
        Duration(a.Dates.Duration);
        Duration(a.Dates.Notice);
        OptStr(a.Dates.TerminationNote);
        List(a.Parties, Party);
        List(a.Sources, Source);
        List(a.Provisions, Provision);
        Strings(a.Notes);
        Strings(a.Uncertain);
        Str(a.Origin);
        Position(a.Position);
        List(a.Related, r => { Str(r.Agreement); Str(r.Relation); Position(r.Position); });
        OptStr(a.ShortTitle);
    }

    private void Party(Party p)
    {
        OptInt(p.State);
        OptStr(p.Organization);
        _w.Write((int)p.Role);
        Span(p.Span);
        List(p.Suspensions, s => { Span(s.Span); Ints(s.Counterparts); Str(s.Note); });
        OptStr(p.Note);
        Position(p.Position);
    }

    private void Source(Source s)
    {
        Str(s.Id);
        Str(s.Url);
        Str(s.Supports);
        OptStr(s.Reliability);
        OptDate(s.Retrieved);
        Position(s.Position);
    }

    private void Provision(Provision p)
    {
        Str(p.Id);
        Str(p.Citation);
        _w.Write((int)p.Kind);
        Str(p.Summary);
        OptStr(p.Quote);
        Strings(p.Sources);
        _w.Write(p.Trigger is not null);
        if (p.Trigger is { } t)
        {
            Enums(t.Kinds);
            Selector(t.Target);
            Selector(t.Attacker);
            Strings(t.Scope.Include);
            Strings(t.Scope.Exclude);
            Str(t.Scope.Territory);
            OptStr(t.Scope.Note);
            OptStr(t.AfterHostilities);
            Position(t.Position);
        }
        List(p.Obligations, Obligation);
        List(p.Conditions, Condition);
        Enums(p.BreachedBy);
        Strings(p.Uncertain);
        Position(p.Position);
        _w.Write(p.Span is not null);
        if (p.Span is { } span) Span(span);
    }

    private void Obligation(Obligation o)
    {
        Selector(o.Obligor);
        Selector(o.Beneficiary);
        Str(o.Action);
        _w.Write((int)o.Strength);
        Enums(o.Assistance);
        Duration(o.Deadline);
        _w.Write((int)o.Firmness);
        OptStr(o.Timing);
        List(o.Amounts, a =>
        {
            OptDecimal(a.Value);
            OptStr(a.Currency);
            OptStr(a.Year);
            OptStr(a.Basis);
            OptDecimal(a.PercentOfGdp);
            OptStr(a.Note);
        });
        List(o.Conditions, Condition);
        Position(o.Position);
    }

    private void Condition(Condition c)
    {
        _w.Write((int)c.Kind);
        Str(c.Text);
        Ints(c.States);
    }

    private void Selector(Selector s)
    {
        Str(s.Kind);
        Ints(s.States);
        _w.Write(s.Role.HasValue);
        if (s.Role is { } r) _w.Write((int)r);
    }

    private void Organization(Organization o)
    {
        Str(o.Id);
        Str(o.Name);
        List(o.Members, m => { _w.Write(m.State); Span(m.Span); OptStr(m.Note); Position(m.Position); });
        List(o.Sources, Source);
        Position(o.Position);
        Strings(o.Aliases);
    }

    private void Conflict(Conflict c)
    {
        Str(c.Id);
        Str(c.Name);
        Ints(c.SideA);
        Ints(c.SideB);
        Span(c.Span);
        List(c.Sources, Source);
        Position(c.Position);
    }

    private void Duration(IsoDuration? d)
    {
        _w.Write(d is not null);
        if (d is null) return;
        _w.Write(d.Years);
        _w.Write(d.Months);
        _w.Write(d.Days);
        _w.Write(d.Hours);
        _w.Write(d.Minutes);
        _w.Write(d.Seconds);
        Str(d.Text);
    }

    private void Position(SourcePosition p)
    {
        Str(p.File);
        _w.Write(p.Line);
        _w.Write(p.Column);
    }

    private void Span(DateSpan s)
    {
        OptDate(s.From);
        OptDate(s.To);
    }

    private void Date(DateOnly d) => _w.Write(d.DayNumber);

    private void OptDate(DateOnly? d)
    {
        _w.Write(d.HasValue);
        if (d is { } v) Date(v);
    }

    private void OptInt(int? v)
    {
        _w.Write(v.HasValue);
        if (v is { } x) _w.Write(x);
    }

    private void OptDouble(double? v)
    {
        _w.Write(v.HasValue);
        if (v is { } x) _w.Write(x);
    }

    private void OptDecimal(decimal? v)
    {
        _w.Write(v.HasValue);
        if (v is { } x) _w.Write(x);
    }

    private void Ints(IReadOnlyList<int> xs)
    {
        _w.Write(xs.Count);
        foreach (var x in xs) _w.Write(x);
    }

    private void Enums<T>(IReadOnlyList<T> xs) where T : struct, Enum
    {
        _w.Write(xs.Count);
        foreach (var x in xs) _w.Write(Convert.ToInt32(x, System.Globalization.CultureInfo.InvariantCulture));
    }

    private void Strings(IReadOnlyList<string> xs)
    {
        _w.Write(xs.Count);
        foreach (var x in xs) Str(x);
    }

    private void List<T>(IReadOnlyList<T> xs, Action<T> item)
    {
        _w.Write(xs.Count);
        foreach (var x in xs) item(x);
    }

    private void Str(string s)
    {
        if (!_strings.TryGetValue(s, out var i))
        {
            i = _table.Count;
            _strings[s] = i;
            _table.Add(s);
        }
        _w.Write(i);
    }

    private void OptStr(string? s)
    {
        if (s is null) _w.Write(-1);
        else Str(s);
    }
}
