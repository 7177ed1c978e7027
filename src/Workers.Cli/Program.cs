using System.CommandLine;
using Workers.Cli;

var root = new RootCommand("Publish generation commands to the fleet and follow them to their outcome.");
root.Subcommands.Add(ImageCommand.Create());
root.Subcommands.Add(VideoCommand.Create());
root.Subcommands.Add(StoryboardCommand.Create());
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
