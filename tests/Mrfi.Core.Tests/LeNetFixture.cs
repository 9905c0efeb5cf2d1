using Mrfi.Core.Data;
using Mrfi.Core.Models;

namespace Mrfi.Core.Tests;

/// <summary>The bundled Fashion-MNIST LeNet and its test images, for tests that run the real model.</summary>
internal static class LeNetFixture
{
    public static LeNet Model()
    {
        var model = new LeNet();
        WeightLoader.Load(model, Repo.Asset("lenet_fmnist.safetensors"));
        model.eval();
        return model;
    }

    public static ImageDataset Images(long count) =>
        DatasetLoader.LoadIdx(Repo.Asset("fmnist_test1000-images-idx3-ubyte"), Repo.Asset("fmnist_test1000-labels-idx1-ubyte"), [0.0],
            [1.0], count);
}
