using RulesEngine.Cli;

return CommandLine.Build().Parse(args).Invoke();
