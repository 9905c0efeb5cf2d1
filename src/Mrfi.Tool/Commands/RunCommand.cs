using Mrfi.Core;
using Mrfi.Core.Campaigns;
using Mrfi.Tool.Engine;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mrfi.Tool.Commands;

/// <summary><c>dotnet mrfi run</c>: maps the options to a <see cref="RunRequest"/> and hands it to the <see cref="RunEngine"/>.
/// User mistakes end in one message and exit code 2, a failed gate in exit code 3.</summary>
internal sealed class RunCommand(IAnsiConsole console) : Command<RunSettings>
{
    public const int UserError = 2;

    public override int Execute(CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            return UserErrors.Guard(console, () => new RunEngine(console).Run(Invocation(settings), cancellationToken));
        }
        finally
        {
            // The run's logger (and its file) is disposed with the run; components must not log into it afterwards.
            Serilog.Log.Logger = Serilog.Core.Logger.None;
        }
    }

    /// <summary>What the options ask for; only the checks that need no config are made here.</summary>
    internal static RunInvocation Invocation(RunSettings settings)
    {
        if (settings.Threads is < 1) throw new MrfiException($"--threads {settings.Threads}: give at least 1");
        string configPath = settings.Example is { } example ? BundledExample.Write(example) : settings.Config;
        string rerun = settings.Example is { } e ? $"--example {e}" : settings.Config;
        var request = new RunRequest
        {
            Seed = settings.Seed,
            Threads = settings.Threads,
            Shard = settings.Shard is { } shard ? Shard.Parse(shard) : null,
            Trials = settings.Trials.ToHashSet(),
            Output = settings.Resume ?? settings.Out,
            Resume = settings.Resume is not null,
        };
        return new RunInvocation(configPath, rerun, settings.Options, request, settings.Json, settings.Verbose);
    }
}
