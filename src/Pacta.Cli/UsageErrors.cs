using System.CommandLine;
using Pacta.Domain;

namespace Pacta.Cli;

/// <summary>
/// Usage errors in words: an unknown command or option is one error with the nearest name ("did you mean
/// 'what-if'?"), and the errors it causes (the option it replaced is now "required", its value "unrecognized")
/// are left out, since fixing the name fixes them.
/// </summary>
public static class UsageErrors
{
    public static IReadOnlyList<string> Of(ParseResult parse, IReadOnlyList<string> args)
    {
        var unmatched = parse.UnmatchedTokens;
        if (unmatched.Count == 0) return parse.Errors.Select(e => e.Message).ToList();
        var command = parse.CommandResult.Command;
        var first = unmatched[0];
        if (command is RootCommand && !first.StartsWith('-'))
            return [$"unknown command '{first}'{Suggest.DidYouMean(first, command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}"];

        var messages = new List<string>();
        var options = OptionNames(parse).ToList();
        for (var i = 0; i < unmatched.Count; i++)
        {
            var token = unmatched[i];
            if (token.StartsWith('-'))
            {
                var name = token.Split('=', 2)[0];
                messages.Add($"unknown option '{name}' for '{CommandPath(parse)}'{Suggest.DidYouMean(name, options)}");
                // The value typed after a mistyped option is not a second error.
                if (i + 1 < unmatched.Count && !unmatched[i + 1].StartsWith('-') && Follows(args, token, unmatched[i + 1])) i++;
            }
            else messages.Add($"unexpected argument '{token}' for '{CommandPath(parse)}'");
        }
        return messages;
    }

    /// <summary>The options the matched command accepts, its own and those its parents pass down.</summary>
    private static IEnumerable<string> OptionNames(ParseResult parse)
    {
        for (var r = parse.CommandResult; r is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
            foreach (var o in r.Command.Options.Where(o => !o.Hidden && (ReferenceEquals(r, parse.CommandResult) || o.Recursive)))
            {
                yield return o.Name;
                foreach (var a in o.Aliases) yield return a;
            }
    }

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var r = parse.CommandResult; r is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
            names.Insert(0, r.Command is RootCommand ? "pacta" : r.Command.Name);
        return string.Join(' ', names);
    }

    private static bool Follows(IReadOnlyList<string> args, string option, string value)
    {
        for (var i = 0; i + 1 < args.Count; i++)
            if (args[i] == option && args[i + 1] == value) return true;
        return false;
    }
}
