namespace Mrfi.Core.Configuration;

/// <summary>[data] format = "synthetic": random images and labels, for speed work and smoke tests without a dataset.</summary>
/// <param name="Shape">Shape of one image, [C, H, W].</param>
/// <param name="Count">Number of images.</param>
/// <param name="NumClasses">Labels are drawn from 0 to NumClasses − 1.</param>
/// <param name="Seed">Seed of the draws; null = [run] seed.</param>
public sealed record SyntheticDataSpec(long[] Shape, long Count, int NumClasses, long? Seed);
