using System.Diagnostics;
using Mrfi.Core.Data;
using static TorchSharp.torch;

namespace Mrfi.Examples.Train;

/// <summary>Adam on cross-entropy with shuffled mini-batches and random horizontal flips; evaluation in eval mode.</summary>
internal static class Trainer
{
    public static TimeSpan Fit(nn.Module<Tensor, Tensor> model, ImageDataset data, int epochs, int batchSize, double learningRate, long seed, ImageDataset? test)
    {
        var clock = Stopwatch.StartNew();
        using var generator = new Generator((ulong)seed);
        using var optimizer = optim.Adam(model.parameters(), learningRate);
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            model.train();
            double lossSum = 0;
            long seen = 0;
            using var order = randperm(data.Count, generator: generator);
            for (long start = 0; start < data.Count; start += batchSize)
            {
                using var scope = NewDisposeScope();
                var index = order.narrow(0, start, Math.Min(batchSize, data.Count - start));
                var x = data.Images.index_select(0, index);
                var y = data.Labels.index_select(0, index);
                // Flip half of the batch left-right: garments look the same mirrored, and 800 images need every help.
                var flip = rand(new long[] { x.shape[0], 1, 1, 1 }, generator: generator).lt(0.5);
                x = where(flip, x.flip(3), x);
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.call(x), y);
                loss.backward();
                optimizer.step();
                lossSum += loss.item<float>() * x.shape[0];
                seen += x.shape[0];
            }
            string testText = test is null ? "" : $", held-out accuracy {Accuracy(model, test):P1}";
            Console.WriteLine($"  epoch {epoch,2}: loss {lossSum / seen:F4}{testText} ({clock.Elapsed.TotalSeconds:F0} s)");
        }
        model.eval();
        return clock.Elapsed;
    }

    public static double Accuracy(nn.Module<Tensor, Tensor> model, ImageDataset data)
    {
        model.eval();
        using var noGrad = no_grad();
        long correct = 0;
        foreach (var (images, labels) in data.Batches(250))
        {
            using var scope = NewDisposeScope();
            correct += model.call(images).argmax(1).eq(labels).sum().item<long>();
        }
        return correct / (double)data.Count;
    }
}
