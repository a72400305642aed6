return Pacta.Cli.Cli.Run(args);
