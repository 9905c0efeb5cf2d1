namespace Mrfi.Core.Components;

/// <summary>The extension points a config names components for.</summary>
public enum ComponentKind
{
    /// <summary>An <see cref="IQuantizer"/>.</summary>
    Quantizer,

    /// <summary>An <see cref="ISelector"/>.</summary>
    Selector,

    /// <summary>An <see cref="IErrorModel"/>.</summary>
    ErrorModel,

    /// <summary>An <see cref="IObserver"/>.</summary>
    Observer,

    /// <summary>A model architecture (a TorchSharp module implementing <see cref="IImageClassifier"/>).</summary>
    Model,

    /// <summary>A dataset (<see cref="IDataset"/>) for <c>[data] format</c>.</summary>
    Dataset,
}
