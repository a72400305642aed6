using System.CommandLine;
using Pacta.Authoring.Data;
using Pacta.Cli.Commands;
using Pacta.Cli.Rendering;

namespace Pacta.Cli;

/// <summary>The command tree and the one place where errors become exit codes: never a stack trace.</summary>
public static class Cli
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Pacta — security guarantees and alliance commitments, as code")
        {
            CommonOptions.Json,
            CommonOptions.Corpus,
        };
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(ListCommand.Create());
        root.Subcommands.Add(ShowCommand.Create());
        root.Subcommands.Add(StatesCommand.Create());
        root.Subcommands.Add(CiteCommand.Create());
        root.Subcommands.Add(ReviewsCommand.Create());
        root.Subcommands.Add(WhatIfCommand.Create());
        root.Subcommands.Add(CompareCommand.Create());
        root.Subcommands.Add(ReadingsCommand.Create());
        root.Subcommands.Add(AssessCommand.Create());
        root.Subcommands.Add(DiffCommand.Create());
        root.Subcommands.Add(CascadeCommand.Create());
        root.Subcommands.Add(ExposureCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(DyadsCommand.Create());
        root.Subcommands.Add(StateYearsCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        return root;
    }

    public static int Run(string[] args)
    {
        var parse = Build().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var message in UsageErrors.Of(parse, args)) Output.Error(message);
            var command = parse.CommandResult.Command is RootCommand ? "" : parse.CommandResult.Command.Name + " ";
            Console.Error.WriteLine($"Run 'pacta {command}--help' for usage.");
            return ExitCodes.Usage;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            // A bug, not bad input: still one line, never a stack trace.
            Output.Error($"internal error: {e.GetType().Name}: {e.Message}");
            return ExitCodes.Invalid;
        }
    }

    /// <summary>Runs a command body, turning expected failures into one-line errors and exit code 1.</summary>
    public static int Run(ParseResult _, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (e is PactaException or DataFileException or IOException or UnauthorizedAccessException)
        {
            Output.Error(e.Message);
            return ExitCodes.Invalid;
        }
    }
}
