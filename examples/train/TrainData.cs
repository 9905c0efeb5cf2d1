using Mrfi.Core.Data;

namespace Mrfi.Examples.Train;

/// <summary>The training and test images: the full Fashion-MNIST when its folder is given, else a split of the 1000 bundled test images.</summary>
internal sealed class TrainData(ImageDataset train, ImageDataset test, string description) : IDisposable
{
    public ImageDataset Train { get; } = train;

    public ImageDataset Test { get; } = test;

    public string Description { get; } = description;

    /// <summary>Pixels scaled to [0, 1], no mean/std: the same scaling as the bundled LeNet, so configs share their [data] table.</summary>
    public static TrainData Load(string? fullFolder, string assets, int splitAt)
    {
        if (fullFolder is not null)
        {
            var train = DatasetLoader.LoadIdx(Find(fullFolder, "train-images-idx3-ubyte"), Find(fullFolder, "train-labels-idx1-ubyte"), [0.0], [1.0], 0);
            var test = DatasetLoader.LoadIdx(Find(fullFolder, "t10k-images-idx3-ubyte"), Find(fullFolder, "t10k-labels-idx1-ubyte"), [0.0], [1.0], 0);
            return new TrainData(train, test, $"full Fashion-MNIST from {fullFolder}: {train.Count} training, {test.Count} test images");
        }
        var all = DatasetLoader.LoadIdx(Path.Combine(assets, "fmnist_test1000-images-idx3-ubyte"), Path.Combine(assets, "fmnist_test1000-labels-idx1-ubyte"), [0.0], [1.0], 0);
        // The bundled images are Fashion-MNIST *test* images: train on the first part and hold out the rest.
        var head = new ImageDataset(all.Images.narrow(0, 0, splitAt).clone(), all.Labels.narrow(0, 0, splitAt).clone());
        var tail = new ImageDataset(all.Images.narrow(0, splitAt, all.Count - splitAt).clone(), all.Labels.narrow(0, splitAt, all.Count - splitAt).clone());
        long total = all.Count;
        all.Dispose();
        return new TrainData(head, tail, $"bundled test images {assets}: the first {splitAt} for training, the other {total - splitAt} held out");
    }

    private static string Find(string folder, string stem)
    {
        foreach (string name in new[] { stem + ".gz", stem })
        {
            string path = Path.Combine(folder, name);
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException($"{folder} has neither {stem}.gz nor {stem} (see `dpkg -L dataset-fashion-mnist`)");
    }

    public void Dispose()
    {
        Train.Dispose();
        Test.Dispose();
    }
}
