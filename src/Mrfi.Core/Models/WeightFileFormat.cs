using System.Buffers.Binary;
using System.Text;

namespace Mrfi.Core.Models;

/// <summary>Checks that a weights file is what its name says before a reader parses it, so that a corrupt or mislabelled
/// file is "not a safetensors file" rather than the reader's JSON length overflow or unpickling error.</summary>
internal static class WeightFileFormat
{
    /// <summary>Why <paramref name="path"/> cannot be a weights file, or null when it looks like one.</summary>
    public static string? Problem(string path)
    {
        var info = new FileInfo(path);
        Span<byte> head = stackalloc byte[9];
        int read;
        using (var stream = info.OpenRead()) read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        if (path.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase))
        {
            // safetensors: an 8-byte little-endian header length, then that many bytes of JSON starting with '{'.
            if (read < 9) return $"{path} is not a safetensors file: it holds only {info.Length} bytes";
            ulong header = BinaryPrimitives.ReadUInt64LittleEndian(head);
            if (header == 0 || header > (ulong)info.Length - 8 || head[8] != (byte)'{')
                return $"{path} is not a safetensors file (its first bytes {Hex(head)} are no safetensors header; corrupt, or saved in " +
                    $"another format?)";
            return null;
        }
        // torch.save: a zip archive (PK\x03\x04) since PyTorch 1.6, a pickle (0x80, protocol 2+) before.
        bool zip = read >= 4 && head[0] == (byte)'P' && head[1] == (byte)'K' && head[2] == 3 && head[3] == 4;
        bool pickle = read >= 1 && head[0] == 0x80;
        return zip || pickle ? null
            : $"{path} is not a PyTorch torch.save file nor a .safetensors file (its first bytes are {Hex(head)}{Text(head)})";
    }

    private static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes[..Math.Min(8, bytes.Length)]).ToLowerInvariant();

    private static string Text(ReadOnlySpan<byte> bytes)
    {
        string text = Encoding.ASCII.GetString(bytes[..Math.Min(8, bytes.Length)]);
        return text.All(c => c is >= ' ' and <= '~') && text.Length > 0 ? $", \"{text}\"" : "";
    }
}
