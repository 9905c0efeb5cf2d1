using Mrfi.Core.Configuration;

namespace Mrfi.Core.Data;

/// <summary>Loads the datasets a config can name: IDX (MNIST, Fashion-MNIST), CIFAR-10 binary batches, synthetic random
/// images, an image folder, and NumPy .npz / .safetensors tensor files.</summary>
public static class DatasetLoader
{
    /// <summary>Loads a built-in format described by a [data] section; <paramref name="runSeed"/> seeds synthetic data without a seed of
    /// its own.</summary>
    public static ImageDataset Load(DataSection d, long runSeed) => Load(d, runSeed, null);

    /// <summary>As <see cref="Load(DataSection, long)"/>, with the inputs of a model that takes several (packed from a tensor
    /// file).</summary>
    internal static ImageDataset Load(DataSection d, long runSeed, IReadOnlyList<PackedInput>? model) => d.Format switch
    {
        "idx" => LoadIdx(new IdxPair(d.Images!, d.ErrorSite("images"), d.Labels!, d.ErrorSite("labels")), Scaling(d), d.Limit),
        "cifar10" => LoadCifar10(d.Files, Scaling(d), d.Limit, d.ErrorSite("files")),
        "synthetic" => SyntheticData.Load(d.Synthetic!, Scaling(d), d.Limit, runSeed),
        "folder" => ImageFolder.Load(d.Folder!, Scaling(d), d.Limit),
        "npz" or "safetensors" => TensorData.Load(d.Tensors!, d.Format, d.Limit, model),
        _ => throw new ArgumentException($"'{d.Format}' is not a built-in data format", nameof(d)),
    };

    private static PixelScaling Scaling(DataSection d) => new(d.Mean, d.Std, d.Scale);

    /// <summary>The class name of each label (label i = element i): [data] classes, or a folder dataset's sub-folders sorted by
    /// name; null when neither says.</summary>
    public static IReadOnlyList<string>? ClassNames(DataSection d) => d.Folder is { } folder ? ImageFolder.Classes(folder) : d.Classes;

    /// <summary>The files a [data] section reads, for the manifest: IDX images and labels, CIFAR-10 batches, the decoded images.</summary>
    public static IReadOnlyList<string> Files(DataSection d) => d.Format switch
    {
        "idx" => [d.Images!, d.Labels!],
        "folder" => ImageFolder.Files(d.Folder!, d.Limit),
        "npz" or "safetensors" => [d.Tensors!.File],
        _ => d.Files,
    };

    /// <summary>Loads IDX images [N, H, W] (or [N, C, H, W]) and labels [N], pixels scaled to [0, 1] then by mean and std.</summary>
    public static ImageDataset LoadIdx(string images, string labels, IReadOnlyList<double> mean, IReadOnlyList<double> std, long limit) =>
        LoadIdx(images, labels, new PixelScaling(mean, std), limit);

    /// <summary>Loads IDX images [N, H, W] (or [N, C, H, W]) and labels [N].</summary>
    public static ImageDataset LoadIdx(string images, string labels, PixelScaling scaling, long limit) =>
        LoadIdx(new IdxPair(images, default, labels, default), scaling, limit);

    private static ImageDataset LoadIdx(IdxPair files, PixelScaling scaling, long limit)
    {
        var (images, labels) = (files.Images, files.Labels);
        var (dims, pixels) = IdxFile.Read(images, files.ImagesSite);
        var (labelDims, labelBytes) = IdxFile.Read(labels, files.LabelsSite);
        if (dims.Length is not (3 or 4))
            throw files.ImagesSite.Error($"{images}: expected an IDX image file with 3 dimensions [N, H, W], found {dims.Length}");
        if (labelDims.Length != 1)
            throw files.LabelsSite.Error($"{labels}: expected an IDX label file with 1 dimension, found {labelDims.Length}");
        if (labelDims[0] != dims[0])
            throw files.LabelsSite.Error($"{labels} holds {labelDims[0]} labels but {images} holds {dims[0]} images; they must be the " +
                $"same set");
        long[] shape = dims.Length == 3 ? [dims[0], 1, dims[1], dims[2]] : [dims[0], dims[1], dims[2], dims[3]];
        return ImageDataset.FromBytes(pixels, shape, labelBytes, scaling, limit);
    }

    /// <summary>Loads CIFAR-10 binary batch files, pixels scaled to [0, 1] then by mean and std.</summary>
    public static ImageDataset LoadCifar10(IReadOnlyList<string> files, IReadOnlyList<double> mean, IReadOnlyList<double> std,
        long limit) =>
        LoadCifar10(files, new PixelScaling(mean, std), limit);

    /// <summary>Loads CIFAR-10 binary batch files (records of 1 label byte + 3×32×32 pixel bytes).</summary>
    public static ImageDataset LoadCifar10(IReadOnlyList<string> files, PixelScaling scaling, long limit, DiagnosticSite site = default)
    {
        const int record = 1 + 3 * 32 * 32;
        var pixels = new List<byte>();
        var labels = new List<byte>();
        foreach (var file in files)
        {
            if (!File.Exists(file)) throw site.Error($"data file not found: {Path.GetFullPath(file)}");
            byte[] bytes = File.ReadAllBytes(file);
            if (bytes.Length == 0 || bytes.Length % record != 0)
                throw site.Error($"{file}: {bytes.Length} bytes is not a whole number of CIFAR-10 records ({record} bytes each)");
            for (int at = 0; at < bytes.Length; at += record)
            {
                if (bytes[at] > 9) throw site.Error($"{file}: record {at / record} has label {bytes[at]}; CIFAR-10 labels are 0..9");
                labels.Add(bytes[at]);
                pixels.AddRange(bytes.AsSpan(at + 1, record - 1).ToArray());
            }
        }
        if (labels.Count == 0) throw new MrfiException("[data] files lists no CIFAR-10 batch files");
        return ImageDataset.FromBytes([.. pixels], [labels.Count, 3, 32, 32], [.. labels], scaling, limit);
    }

    /// <summary>Loads a plugin's dataset and checks what it returned.</summary>
    public static ImageDataset FromPlugin(IDataset dataset, string format, long limit)
    {
        TorchSharp.torch.Tensor images, labels;
        try
        {
            (images, labels) = dataset.Load();
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidOperationException or UnauthorizedAccessException)
        {
            throw new MrfiException($"[data] format \"{format}\" could not load: {e.Message}", e);
        }
        if (images.dim() != 4 || labels.dim() != 1 || images.shape[0] != labels.shape[0])
            throw new MrfiException($"[data] format \"{format}\" returned images [{string.Join(",", images.shape)}] and labels " +
                $"[{string.Join(",", labels.shape)}]; expected [N, C, H, W] and [N]");
        long n = limit > 0 ? Math.Min(limit, labels.shape[0]) : labels.shape[0];
        var x = images.narrow(0, 0, n).to_type(TorchSharp.torch.ScalarType.Float32).clone();
        var y = labels.narrow(0, 0, n).to_type(TorchSharp.torch.ScalarType.Int64).clone();
        images.Dispose();
        labels.Dispose();
        return new ImageDataset(x, y);
    }
}
