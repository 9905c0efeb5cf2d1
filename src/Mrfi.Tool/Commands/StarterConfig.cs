namespace Mrfi.Tool.Commands;

/// <summary>The commented starter config that `dotnet mrfi init` writes (it runs as it is on the bundled model and data).</summary>
internal static class StarterConfig
{
    public const string Text = """
        # mrfi.toml — a fault-injection campaign. Run it with `dotnet mrfi run`; check it with `dotnet mrfi validate`.
        # Keys are documented in docs/config.md of the mrfi repository; components and their arguments: `dotnet mrfi list`.

        [model]
        architecture = "LeNet"                    # `dotnet mrfi list model`; other keys are its constructor arguments
        in_channels = 1
        image_size = 28
        weights = "data/lenet_fmnist.safetensors" # .safetensors or a PyTorch torch.save(state_dict) file

        [data]
        format = "idx"                            # idx (MNIST-style, raw or .gz) or cifar10
        images = "data/fmnist_test1000-images-idx3-ubyte"
        labels = "data/fmnist_test1000-labels-idx1-ubyte"
        limit = 1000                              # use the first N samples (0 = all)

        [run]
        seed = 1                                  # the same seed gives the same results
        batch_size = 100
        output = "results"                        # each run writes results/run-<time>/

        [sweep]
        ber = [1e-5, 1e-4, 1e-3]                  # referenced below as "$ber"
        repeats = 2                               # trials per value
        # selector = ["RandomPositionByRate", "RandomPositionByRate_classic"]   # text values too: method = "$selector"

        [[fault_inject]]
        name = "weight-flips"
        target = "weight"                         # activation | activation_out | weight
        module_type = ["Conv2d", "Linear"]        # also: module_name, module_fullname, module_index, exclude
        quantization = { method = "SymmetricQuantization", bit_width = 8, dynamic_range = "auto" }
        selector = { method = "RandomPositionByRate", ber = "$ber" }
        error_model = { method = "IntRandomBitFlip", bit_width = 8 }

        [[observe]]
        method = "RMSE"                           # faulty vs golden output of each matched layer
        module_type = ["Linear"]

        # A reliability gate: uncomment it and `dotnet mrfi run` exits with code 3, naming this line, when a threshold is missed.
        # [gate]
        # point = { ber = 1e-4 }                  # which sweep point(s); leave out to judge every point
        # accuracy_min = 0.80                     # the 95 % interval's lower end must stay at or above it
        # critical_sdc_max = 0.05                 # the interval's upper end must stay at or below it

        """;

    /// <summary>The bundled files the starter config uses, shipped in the tool's assets/ folder.</summary>
    public static readonly string[] Assets =
        ["lenet_fmnist.safetensors", "fmnist_test1000-images-idx3-ubyte", "fmnist_test1000-labels-idx1-ubyte"];

    /// <summary>Where the tool keeps the bundled files.</summary>
    public static string AssetFolder => Path.Combine(AppContext.BaseDirectory, "assets");

    /// <summary>Fails with one message when a bundled file is missing from <paramref name="folder"/>.</summary>
    public static void RequireAssets(string folder)
    {
        foreach (var file in Assets)
        {
            if (!File.Exists(Path.Combine(folder, file)))
                throw new Mrfi.Core.MrfiException($"the bundled file {file} is missing from {folder}; reinstall the tool");
        }
    }
}
