namespace Mrfi.Core.Tests.Configuration;

/// <summary>Writes a config into a temp folder next to copies-by-path of the bundled assets.</summary>
internal static class ConfigFixture
{
    public const string Model = """
        [model]
        architecture = "LeNet"
        weights = "{assets}/lenet_fmnist.safetensors"

        """;

    public const string Data = """
        [data]
        format = "idx"
        images = "{assets}/fmnist_test1000-images-idx3-ubyte"
        labels = "{assets}/fmnist_test1000-labels-idx1-ubyte"
        limit = 200

        """;

    public const string Run = """
        [run]
        seed = 1
        batch_size = 50

        """;

    public const string WeightFault = """
        [[fault_inject]]
        name = "w"
        target = "weight"
        module_type = ["Conv2d", "Linear"]
        quantization = { method = "SymmetricQuantization", bit_width = 8, dynamic_range = "auto" }
        selector = { method = "RandomPositionByRate", rate = 1e-3 }
        error_model = { method = "IntRandomBitFlip", bit_width = 8 }

        """;

    public static string Write(string toml, string name = "mrfi.toml")
    {
        string folder = Repo.TempFolder("config");
        string path = Path.Combine(folder, name);
        File.WriteAllText(path, toml.Replace("{assets}", Repo.Assets.Replace('\\', '/'), StringComparison.Ordinal));
        return path;
    }

    public static string Full(string faults = WeightFault, string extra = "") => Model + Data + Run + extra + faults;
}
