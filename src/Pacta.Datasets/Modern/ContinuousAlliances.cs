using Pacta.Datasets.Atop;
using Pacta.Domain;

namespace Pacta.Datasets.Modern;

/// <summary>
/// One continuous alliance record from ATOP's first year to the present: ATOP alone up to the end of the release's
/// coverage; after it, the ATOP alliances still in effect continue (they are open-ended in
/// <see cref="AtopToAlliances"/>) as their review (<see cref="AtopReview"/>) decides — ended, members leaving or
/// joining — except those a hand-encoded agreement declares itself the same as (replaced by that encoding from the
/// day after the coverage end) or supersedes (ended the day before the successor enters into force); Pacta's own
/// encodings (<see cref="ModernAlliances"/>) are added. <see cref="Unreviewed"/> holds the ATOP alliances carried
/// past the release with neither a review nor a hand encoding: continued by assumption, marked as such.
/// </summary>
public sealed record ContinuousAlliances(IReadOnlyList<AllianceInput> Atop, IReadOnlyList<AllianceInput> Pacta, DateOnly CoverageEnd,
    IReadOnlySet<int>? Unreviewed = null)
{
    /// <param name="release">The ATOP release in use.</param>
    /// <param name="pactaAgreements">Hand-encoded agreements (origin <c>pacta</c>).</param>
    /// <param name="corpus">Resolves organization memberships.</param>
    /// <param name="lastYear">The last year wanted (passed in by the caller, who knows today's date).</param>
    /// <param name="includePolitical">Also map political commitments and proposals (ATOP would not count them).</param>
    /// <param name="reviews">The reviews of ATOP alliances open at the coverage end (corpus/reviews).</param>
    /// <param name="readings">Readings of the reviews' contested points; each point no choice names takes its default.</param>
    public static ContinuousAlliances Build(AtopRelease release, IEnumerable<Agreement> pactaAgreements, Corpus corpus, int lastYear, bool includePolitical = false,
        IReadOnlyList<AtopReview>? reviews = null, IReadOnlyList<ReadingChoice>? readings = null)
    {
        if (reviews is not null) reviews = ReviewReadings.Apply(reviews, readings ?? []);
        var agreements = pactaAgreements.ToList();
        var end = release.CoverageEnd;
        var modern = lastYear > end.Year
            ? ModernAlliances.From(agreements, corpus, end.AddDays(1), new DateOnly(lastYear, 12, 31), includePolitical)
            : [];
        // Last day of each ATOP alliance that Pacta's encoding takes over (a handful: parallel arrays, no generic code to compile).
        var cutIds = new int[8];
        var cutDays = new DateOnly[8];
        var cuts = 0;
        void SetCut(int id, DateOnly last, bool earliest)
        {
            for (var i = 0; i < cuts; i++)
            {
                if (cutIds[i] != id) continue;
                if (!earliest || last < cutDays[i]) cutDays[i] = last;
                return;
            }
            if (cuts == cutIds.Length)
            {
                var ids = new int[cuts * 2];
                var days = new DateOnly[cuts * 2];
                Array.Copy(cutIds, ids, cuts);
                Array.Copy(cutDays, days, cuts);
                (cutIds, cutDays) = (ids, days);
            }
            cutIds[cuts] = id;
            cutDays[cuts++] = last;
        }
        foreach (var a in agreements)
        {
            if (ModernAlliances.Qualifies(a, includePolitical) && ModernAlliances.SameAsAtop(a) is { } same) SetCut(same, end, earliest: false);
        }
        foreach (var a in agreements)
        {
            if (a.Dates.InForceOn is not { } start) continue;
            // The superseded treaty ends when its successor enters into force, but never inside ATOP's own coverage.
            var last = start.AddDays(-1) < end ? end : start.AddDays(-1);
            foreach (var id in ModernAlliances.SupersededAtop(a)) SetCut(id, last, earliest: true);
        }
        var converted = AtopToAlliances.Convert(release);
        var byId = new Dictionary<int, AtopReview>();
        foreach (var r in reviews ?? []) byId[r.AtopId] = r;
        var atop = new List<AllianceInput>(converted.Count);
        var unreviewed = new HashSet<int>();
        foreach (var a in converted)
        {
            var i = cuts - 1;
            while (i >= 0 && cutIds[i] != a.Id) i--;
            var open = a.Members.Any(m => m.LastDay > end);
            var current = open && byId.TryGetValue(a.Id, out var review) ? Reviewed(a, review, end) : a;
            if (i >= 0) current = Cut(current, cutDays[i]);
            else if (open && !byId.ContainsKey(a.Id)) unreviewed.Add(a.Id);
            atop.Add(current);
        }
        // A hand encoding that takes an ATOP alliance over records its parties by the treaty's own dates; a suspension
        // changes no party, so the review's suspensions are laid over the encoding (the CSTO: Armenia from 2024).
        if (byId.Count > 0 && modern.Count > 0)
        {
            var laid = modern.ToList();
            for (var k = 0; k < laid.Count; k++)
            {
                if (!byId.TryGetValue(laid[k].Id, out var review)) continue;
                foreach (var c in review.Changes.Where(c => c.Kind == ReviewChangeKind.Suspended)) laid[k] = Suspend(laid[k], c, end);
            }
            modern = laid;
        }
        return new ContinuousAlliances(atop, modern, end, unreviewed);
    }

    /// <summary>
    /// An ATOP alliance as its review continues it: an end closes every open spell on the last day in force; a
    /// member that leaves closes its open spells on its last day; a member that joins gets a spell in the latest
    /// open phase with the promises its members make (ATOP's multilateral alliances bind all members alike); a
    /// suspended member is no member from its first day out to its last (<see cref="Suspend"/>). Nothing changes on
    /// or before <paramref name="coverageEnd"/>, the release's last day.
    /// </summary>
    public static AllianceInput Reviewed(AllianceInput a, AtopReview review, DateOnly coverageEnd)
    {
        var members = a.Members.ToList();
        foreach (var c in review.Changes.OrderBy(c => c.Day))
        {
            if (c.Kind == ReviewChangeKind.Suspended)
            {
                members = Suspend(a with { Members = members }, c, coverageEnd).Members.ToList();
                continue;
            }
            if (c.Leaves)
            {
                for (var k = 0; k < members.Count; k++)
                {
                    if (members[k].State == c.State && members[k].LastDay > c.Day) members[k] = members[k] with { To = c.Day };
                }
                continue;
            }
            var open = members.Where(m => m.To is null).ToList();
            if (open.Count == 0) continue;
            var phase = open.Max(m => m.Phase);
            var promises = AllianceObligations.None;
            foreach (var m in open.Where(m => m.Phase == phase)) promises |= m.Obligations;
            members.Add(new AllianceMemberSpell(c.State, phase, c.Day, null, promises));
        }
        var result = a with { Members = members };
        return review.Ended is { } last ? Cut(result, last) : result;
    }

    /// <summary>
    /// A member suspended from <see cref="ReviewChange.Day"/>: its spells close the day before (never inside the
    /// release's years, which code a suspension they saw as an exit already, e.g. Syria in the Arab League on
    /// 2011-11-12); when the suspension ends (<see cref="ReviewChange.Until"/>) its latest spell resumes the next
    /// day with the same phase and promises, as ATOP codes Egypt's return to the Arab League in 1989.
    /// </summary>
    public static AllianceInput Suspend(AllianceInput a, ReviewChange c, DateOnly coverageEnd)
    {
        var cut = c.Day.AddDays(-1) < coverageEnd ? coverageEnd : c.Day.AddDays(-1);
        AllianceMemberSpell? latest = null;
        var members = new List<AllianceMemberSpell>(a.Members.Count + 1);
        foreach (var m in a.Members)
        {
            if (m.State != c.State)
            {
                members.Add(m);
                continue;
            }
            if (latest is null || m.From > latest.From) latest = m;
            if (m.From > cut && (c.Until is not { } u || m.From <= u)) continue;
            members.Add(m.LastDay > cut ? m with { To = cut } : m);
        }
        if (c.Until is { } until && latest is not null)
        {
            var resume = until.AddDays(1);
            members.Add(latest with { From = resume, To = latest.To is { } t && t > until ? t : null });
        }
        return a with { Members = members };
    }

    /// <summary>The years the record can cover up to <paramref name="lastYear"/>: from ATOP's first year (1815).</summary>
    public static YearRange Years(int from, int lastYear) => new(Math.Max(from, 1815), lastYear);

    /// <summary>
    /// The directed table over both sources; cells with an alliance from Pacta's encoding carry
    /// <see cref="AllianceObligations.Pacta"/> (the <c>source</c> column), so years inside ATOP's coverage never do.
    /// </summary>
    public DirectedDyadTable Table(YearRange years) => DyadYears.CreateDirectedTable(Atop, Pacta, years, Unreviewed, CoverageEnd.Year + 1);

    /// <summary>
    /// ATOP-style state-years for years after the release, over both sources (ATOP ids, and Pacta's own ids from
    /// <see cref="ModernAlliances.FirstOwnId"/>); the release's own years come from ATOP alone.
    /// </summary>
    public IReadOnlyList<StateYear> StateYearsAfterRelease(YearRange years) =>
        Datasets.StateYears.Create(Atop.Concat(Pacta), new YearRange(Math.Max(years.From, CoverageEnd.Year + 1), years.To), CoverageEnd.AddDays(1));

    private static AllianceInput Cut(AllianceInput a, DateOnly last) => a with
    {
        Members = a.Members.Where(m => m.From <= last).Select(m => m.To is { } t && t <= last ? m : m with { To = last }).ToList(),
    };
}
