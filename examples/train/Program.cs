// Trains the CIFAR-sized VGG-11 (with BatchNorm) and ResNet-18 of Mrfi.Core on 1×28×28 Fashion-MNIST on the CPU and saves
// their weights as safetensors, under the same tensor names WeightLoader reads. See README.md.
using Mrfi.Core.Models;
using Mrfi.Examples.Train;
using TorchSharp;
using TorchSharp.PyBridge;

string? full = null;
string output = "examples/assets";
int? epochs = null;
int width = 16, batchSize = 64, split = 800;
long seed = 0;
string only = "both";
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--fmnist": full = args[++i]; break;
        case "--out": output = args[++i]; break;
        case "--epochs": epochs = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
        case "--width": width = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
        case "--seed": seed = long.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
        case "--model": only = args[++i]; break;
        default:
            Console.Error.WriteLine("usage: dotnet run --project examples/train -c Release -- [--fmnist DIR] [--out DIR] [--epochs N] [--width N] [--seed N] [--model vgg|resnet|both]");
            return 2;
    }
}

if (Environment.ProcessorCount > 0) torch.set_num_threads(Environment.ProcessorCount);
using var data = TrainData.Load(full, "examples/assets", split);
Console.WriteLine($"data: {data.Description}");
Directory.CreateDirectory(output);
var models = new List<(string Name, string File, int Epochs, Func<torch.nn.Module<torch.Tensor, torch.Tensor>> Build)>();
// The epochs of the committed weights: the VGG (no shortcuts, dropout in its classifier) needs twice as many on 800 images.
if (only is "vgg" or "both") models.Add(("VGG11 (batch_norm, width " + width + ")", "vgg11s_fmnist.safetensors", epochs ?? 30, () => new VGG11(inChannels: 1, imageSize: 28, batchNorm: true, width: width)));
if (only is "resnet" or "both") models.Add(("ResNet18 (width " + width + ")", "resnet18s_fmnist.safetensors", epochs ?? 15, () => new ResNet18(inChannels: 1, imageSize: 28, width: width)));

foreach (var (name, file, modelEpochs, build) in models)
{
    torch.random.manual_seed(seed);
    using var model = build();
    long parameters = model.parameters().Sum(p => p.numel());
    Console.WriteLine($"{name}: {parameters:N0} parameters, {modelEpochs} epochs, batch {batchSize}, Adam 1e-3, seed {seed}");
    var elapsed = Trainer.Fit(model, data.Train, modelEpochs, batchSize, 1e-3, seed, data.Test);
    double trainAccuracy = Trainer.Accuracy(model, data.Train);
    double testAccuracy = Trainer.Accuracy(model, data.Test);
    string path = Path.Combine(output, file);
    Safetensors.SaveStateDict(path, model.state_dict());
    Console.WriteLine($"{name}: trained in {elapsed.TotalSeconds:F0} s; accuracy {trainAccuracy:P1} on the training images, {testAccuracy:P1} on the {data.Test.Count} test images; saved {path} ({new FileInfo(path).Length / 1024} KiB)");
}
return 0;
