using Spectre.Console.Cli.Testing;

namespace Mrfi.Tool.Tests.Commands;

/// <summary>Runs the real command tree in-process with a test console.</summary>
internal static class Cli
{
    public static CommandAppResult Run(params string[] args)
    {
        var app = new CommandAppTester();
        app.Configure(c => MrfiApp.Configure(c, null));
        return app.Run(MrfiApp.Normalize(args));
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
