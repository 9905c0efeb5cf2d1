using TorchSharp;

namespace Mrfi;

/// <summary>A source of labelled images for `[data] format = "Name"`: the other [data] keys bind to its constructor.</summary>
public interface IDataset
{
    /// <summary>Returns images [N, C, H, W] as float32, already scaled as the model expects, and labels [N] as int64; the
    /// caller owns both tensors.</summary>
    (torch.Tensor Images, torch.Tensor Labels) Load();
}
