namespace Mrfi.Core.Tests.Architecture.Samples.Lower;

/// <summary>A type the sample above uses only inside a method body.</summary>
internal static class Floor
{
    public static int Height() => 1;
}
