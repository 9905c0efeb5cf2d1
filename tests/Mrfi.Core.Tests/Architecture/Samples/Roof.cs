namespace Mrfi.Core.Tests.Architecture.Samples.Upper;

/// <summary>Names <see cref="Lower.Floor"/> in no signature or field: the edge is visible only in the IL.</summary>
internal static class Roof
{
    public static int Height() => Lower.Floor.Height() + 1;
}
