namespace Mrfi.Report.Tests;

/// <summary>Reads a PNG's size from its IHDR chunk, checking the signature first.</summary>
internal static class Png
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static (int Width, int Height) Size(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.IsGreaterThan(24, bytes.Length, path);
        CollectionAssert.AreEqual(Signature, bytes[..8], $"{path} is not a PNG");
        return (BigEndian(bytes, 16), BigEndian(bytes, 20));
    }

    private static int BigEndian(byte[] b, int at) => (b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3];
}
