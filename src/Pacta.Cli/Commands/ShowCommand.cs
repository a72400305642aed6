using System.CommandLine;
using Pacta.Cli.Rendering;
using Pacta.Contracts;
using Pacta.Domain;

namespace Pacta.Cli.Commands;

/// <summary><c>pacta show ID</c>: an agreement with every provision, its sources and dates.</summary>
public static class ShowCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "Agreement id (north-atlantic-treaty-1949), its start (north-atlantic) or an organization that is party to one agreement (NATO)" };
        var cmd = new Command("show", "Show one agreement: parties, provisions with triggers and obligations, sources") { id };
        cmd.SetAction(r => Cli.Run(r, () =>
        {
            var ws = CommonOptions.Workspace(r);
            var corpus = ws.Corpus;
            var a = FindAgreement(corpus, r.GetValue(id)!);
            if (r.GetValue(CommonOptions.Json))
            {
                Console.WriteLine(JsonShapes.Write(JsonShapes.Agreement(corpus, a)));
                return ExitCodes.Ok;
            }
            Render(corpus, a);
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    /// <summary>The agreement an id, an organization alias or an id's start names (<see cref="AgreementLookup"/>); <paramref name="option"/> prefixes the error.</summary>
    public static Agreement FindAgreement(Corpus corpus, string id, string? option = null)
    {
        var m = AgreementLookup.Find(corpus, id);
        return m.Agreement ?? throw new PactaException(option is null ? m.Error! : $"{option}: {m.Error}");
    }

    private static string Name(Corpus c, int cow) => c.States.ByCow(cow) is { } s ? $"{s.Name} ({s.Code})" : $"COW {cow}";

    public static string Describe(Corpus c, Selector s) => s.Kind switch
    {
        SelectorKind.States => string.Join(", ", s.States.Select(x => Name(c, x))),
        SelectorKind.Role => $"every party with role {Words.Of(s.Role!.Value)}",
        SelectorKind.AnyMember => "any member",
        SelectorKind.OtherParties => "every other party",
        SelectorKind.Target => "the attacked party",
        SelectorKind.Anyone => "anyone",
        SelectorKind.NonParty => "a non-party",
        SelectorKind.Organization => $"{c.Organization(s.Organization!)?.Name ?? s.Organization} (the organization itself)",
        _ => Words.Of(s.Kind),
    };

    private static void Render(Corpus corpus, Agreement a)
    {
        Output.Heading($"{a.Title}  ({a.Id})");
        Output.Field("Form", Words.Of(a.Form));
        Output.Field("Status", Words.Of(a.Status));
        Output.Field("Bindingness", Words.Of(a.Bindingness) + (a.BindingnessNote is { } bn ? $" — {bn}" : ""));
        Output.Field("Signed", JsonShapes.Date(a.Dates.Signed) ?? "open");
        Output.Field("In force", a.Dates.InForceOn is null ? "not in force" : $"{a.InForce} (both days inclusive)");
        Output.Field("Duration", a.Dates.Duration?.ToString());
        Output.Field("Notice of withdrawal", a.Dates.Notice?.ToString());
        Output.Field("Ends", a.Dates.EndsReason);
        Output.Field("Termination", a.Dates.TerminationNote);
        Output.Field("Source file", a.Origin == AgreementOrigin.Atop ? $"{a.Position.File}:{a.Position.Line}" : a.Position.File);
        foreach (var x in a.Applied)
            Output.Field("Contested", $"{x.Clause.Id}{(x.Clause.Provision is { } cp ? $" ({cp})" : "")}: read as {x.Reading}{(x.IsDefault ? " (default)" : "")}; also {string.Join(", ", x.Alternatives)} — see pacta readings");

        Output.SubHeading("Parties");
        Output.Table(["party", "role", "from", "to", "note"], a.Parties.Select(p => (IReadOnlyList<string>)
        [
            p.State is { } s ? Name(corpus, s) : $"organization {p.Organization}",
            Words.Of(p.Role), JsonShapes.Date(p.Span.From) ?? "open", JsonShapes.Date(p.Span.To) ?? "open",
            string.Join("; ", new[] { p.Note }.Concat(p.Suspensions.Select(x =>
                $"suspended {x.Span}{(x.Counterparts.Count > 0 ? " towards " + string.Join(", ", x.Counterparts.Select(c => Name(corpus, c))) : "")}: {x.Note}"))
                .Where(x => !string.IsNullOrEmpty(x))),
        ]));
        if (a.SetAside.Count > 0)
            Output.Field("Not counted", $"{string.Join(", ", a.SetAside.Select(p => p.State is { } s ? Name(corpus, s) : p.Organization))}: parties the encoding assumes, left out under the reading applied");
        foreach (var orgId in a.Parties.Select(p => p.Organization).OfType<string>().Distinct())
        {
            if (corpus.Organization(orgId) is not { } org) continue;
            Output.SubHeading($"Members of {org.Name} ({org.Id})");
            Output.Table(["member", "from", "to", "note"], org.Members.OrderBy(m => m.Span.From).ThenBy(m => m.State).Select(m => (IReadOnlyList<string>)
                [Name(corpus, m.State), JsonShapes.Date(m.Span.From) ?? "open", JsonShapes.Date(m.Span.To) ?? "open", m.Note ?? ""]));
        }

        Output.SubHeading("Provisions");
        foreach (var p in a.Provisions)
        {
            Output.Line();
            Output.Print(Output.Plain
                ? $"{p.Citation} — {Words.Of(p.Kind)}  [{p.Id}, line {p.Position.Line}]"
                : $"[bold]{Spectre.Console.Markup.Escape(p.Citation)}[/] — [cyan]{Words.Of(p.Kind)}[/]  [grey]{p.Id}, line {p.Position.Line}[/]");
            Output.Field("Summary", p.Summary);
            if (p.Quote is { } q) Output.Field("Text", $"\"{q}\"");
            if (p.Trigger is { } t)
            {
                var scope = t.Scope.Include.Count == 0 ? "anywhere" : string.Join(", ", t.Scope.Include);
                if (t.Scope.Exclude.Count > 0) scope += $" except {string.Join(", ", t.Scope.Exclude)}";
                scope += t.Scope.Territory switch { Territory.Target => "; on the target's territory", Territory.AnyParty => "; on any party's territory", _ => "" };
                Output.Field("Trigger", $"{string.Join(" or ", t.Kinds.Select(Words.Of))} on {Describe(corpus, t.Target)} by {Describe(corpus, t.Attacker)}");
                Output.Field("Where", scope + (t.Scope.Note is { } n ? $" ({n})" : ""));
                if (t.AfterHostilities is { } h) Output.Field("When", $"only after the conflict {h} has ended");
                if (t.Threshold is { } th)
                    Output.Field("Threshold", $"{(th.Quote is { } tq ? $"\"{tq}\": " : "")}the attack must be {string.Join(", ", th.Attributes)} (event attributes)");
                foreach (var v in t.VoidIf) Output.Field("Void if", $"{v.Text} (event attribute {v.Attribute})");
            }
            if (p.BreachedBy.Count > 0) Output.Field("Broken by", string.Join(", ", p.BreachedBy.Select(Words.Of)) + " by an obligor against a beneficiary");
            foreach (var o in p.Obligations)
            {
                var deadline = o.Deadline is { } d ? $"; deadline {d}{(o.Firmness == DeadlineFirmness.WherePossible ? " where possible" : "")}" : o.Timing is { } tm ? $"; {tm}" : "";
                Output.Field("Obligation", $"{Describe(corpus, o.Obligor)} → {Describe(corpus, o.Beneficiary)}: {o.Action} ({Words.Of(o.Strength)}{deadline})");
                if (o.Assistance.Count > 0) Output.Field("  Assistance", string.Join(", ", o.Assistance.Select(Words.Of)));
                foreach (var am in o.Amounts) Output.Field("  Amount", FormatAmount(am));
                foreach (var c in o.Conditions) Output.Field("  Condition", $"{Words.Of(c.Kind)}: {c.Text}");
            }
            foreach (var c in p.Conditions) Output.Field("Condition", $"{Words.Of(c.Kind)}: {c.Text}");
            Output.Field("Sources", string.Join(", ", p.Sources.Select(id => a.Sources.FirstOrDefault(x => x.Id == id) is { } src ? $"[{id}] {src.Url}" : $"[{id}]")));
            foreach (var u in p.Uncertain) Output.Field("Uncertain", u);
        }

        if (a.Notes.Count > 0)
        {
            Output.SubHeading("Notes");
            foreach (var n in a.Notes) Output.Line($"  - {n}");
        }
        if (a.Uncertain.Count > 0)
        {
            Output.SubHeading("Uncertain or not found in the sources");
            foreach (var n in a.Uncertain) Output.Line($"  - {n}");
        }
        Output.SubHeading("Sources");
        foreach (var s in a.Sources) Output.Line($"  [{s.Id}] {s.Url}{Environment.NewLine}      supports: {s.Supports}{(s.Reliability is { } rel ? $" ({rel})" : "")}");
    }

    public static string FormatAmount(Amount a)
    {
        var parts = new List<string>();
        if (a.Value is { } v) parts.Add($"{a.Currency} {v.ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture)}");
        if (a.PercentOfGdp is { } p) parts.Add($"{p.ToString(System.Globalization.CultureInfo.InvariantCulture)} % of GDP");
        if (a.Year is { } y) parts.Add($"in {y}");
        if (a.Basis is { } b) parts.Add($"({b})");
        if (a.Note is { } n) parts.Add($"— {n}");
        return string.Join(" ", parts);
    }
}
