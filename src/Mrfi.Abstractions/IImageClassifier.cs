namespace Mrfi;

/// <summary>A model architecture mrfi can build from a config: maps [N, C, H, W] images to [N, classes] logits.</summary>
public interface IImageClassifier
{
    /// <summary>The expected shape of one image: [C, H, W].</summary>
    long[] InputShape { get; }
}
