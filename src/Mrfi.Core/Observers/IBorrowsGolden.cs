using static TorchSharp.torch;

namespace Mrfi.Core.Observers;

/// <summary>A built-in golden-aware observer that can keep a golden tensor which nobody changes (the golden cache's) by
/// reference instead of the copy <see cref="IGoldenAwareObserver.UpdateGolden"/> makes.</summary>
internal interface IBorrowsGolden
{
    /// <summary>Like <see cref="IGoldenAwareObserver.UpdateGolden"/>, for a tensor that stays unchanged while it is kept.</summary>
    void BorrowGolden(Tensor value);
}
