using Spectre.Console.Cli.Testing;

namespace Mrfi.Tool.Tests.Commands;

/// <summary>Runs the real command tree in-process with a test console.</summary>
internal static class Cli
{
    /// <summary>The exit code and console output of <c>dotnet mrfi ARGS</c>, through the same usage check as Program.</summary>
    public static CliResult Run(params string[] args)
    {
        var app = new CommandAppTester();
        app.Configure(c => MrfiApp.Configure(c, null));
        CommandAppResult? ran = null;
        int code = MrfiApp.Run(app.Console, args, a => (ran = app.Run(a)).ExitCode);
        return new CliResult(code, ran?.Output ?? app.Console.Output.Trim());
    }

    public static string Config(string toml)
    {
        string folder = Repo.TempFolder("cli");
        string path = Path.Combine(folder, "mrfi.toml");
        File.WriteAllText(path, toml.Replace("{assets}", Repo.Assets, StringComparison.Ordinal));
        return path;
    }

    public const string Small = """
        [model]
        architecture = "LeNet"
        weights = "{assets}/lenet_fmnist.safetensors"

        [data]
        images = "{assets}/fmnist_test1000-images-idx3-ubyte"
        labels = "{assets}/fmnist_test1000-labels-idx1-ubyte"
        limit = 200

        [run]
        seed = 5
        batch_size = 50

        [sweep]
        ber = [1e-5, 1e-2]
        repeats = 2

        [[fault_inject]]
        target = "weight"
        module_type = ["Conv2d", "Linear"]
        quantization = { method = "SymmetricQuantization", bit_width = 8, dynamic_range = "auto" }
        selector = { method = "RandomPositionByRate", rate = "$ber * 8" }
        error_model = { method = "IntRandomBitFlip", bit_width = 8 }

        [[observe]]
        method = "RMSE"
        module_name = "fc"
        """;
}
