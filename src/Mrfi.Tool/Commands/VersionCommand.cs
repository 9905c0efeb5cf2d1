using Mrfi.Core.Native;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Mrfi.Tool.Commands;

/// <summary><c>dotnet mrfi --version</c> (or <c>version</c>): mrfi, TorchSharp and libtorch versions, the backend and the
/// devices.</summary>
internal sealed class VersionCommand(IAnsiConsole console) : Command
{
    public override int Execute(CommandContext context, CancellationToken cancellationToken)
    {
        console.WriteLine($"mrfi {MrfiApp.Version}");
        console.WriteLine($"TorchSharp {BackendInfo.TorchSharpVersion} (backend: {BackendInfo.Backend})");
        console.WriteLine($"libtorch {BackendInfo.LibTorchVersion}");
        console.WriteLine($"devices: {string.Join(", ", BackendInfo.Devices())}");
        return 0;
    }
}
