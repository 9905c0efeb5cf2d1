using System.Buffers.Binary;
using System.Text;

namespace Mrfi.Core.Native;

/// <summary>Reads and edits the version needs (<c>.gnu.version_r</c>) of a 64-bit little-endian ELF file.</summary>
internal static class ElfVersionNeeds
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlagWeak = 0x2;

    /// <summary>One needed version: the library that must provide it, its name and flags, and where its flags live.</summary>
    internal sealed record Need(string File, string Name, ushort Flags, long FlagsOffset)
    {
        public bool IsWeak => (Flags & VerFlagWeak) != 0;
    }

    public static IReadOnlyList<Need> Read(byte[] elf)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException("not an ELF file");
        if (elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException("only 64-bit little-endian ELF files are supported");

        long shoff = (long)U64(elf, 0x28);
        int shentsize = U16(elf, 0x3A);
        int shnum = U16(elf, 0x3C);
        var needs = new List<Need>();
        for (int i = 0; i < shnum; i++)
        {
            long sh = shoff + (long)i * shentsize;
            if (U32(elf, sh + 4) != ShtGnuVerneed) continue;
            long offset = (long)U64(elf, sh + 0x18);
            int link = (int)U32(elf, sh + 0x28);
            int count = (int)U32(elf, sh + 0x2C);
            long strtab = (long)U64(elf, shoff + (long)link * shentsize + 0x18);

            long vn = offset;
            for (int n = 0; n < count; n++)
            {
                int auxCount = U16(elf, vn + 2);
                string file = CString(elf, strtab + U32(elf, vn + 4));
                long aux = vn + U32(elf, vn + 8);
                for (int a = 0; a < auxCount; a++)
                {
                    ushort flags = U16(elf, aux + 4);
                    string name = CString(elf, strtab + U32(elf, aux + 8));
                    needs.Add(new Need(file, name, flags, aux + 4));
                    aux += U32(elf, aux + 12);
                }
                vn += U32(elf, vn + 12);
            }
        }
        return needs;
    }

    /// <summary>Marks the named version needs weak, so the dynamic loader accepts a library that lacks them.</summary>
    public static int MarkWeak(byte[] elf, IReadOnlySet<string> names)
    {
        int changed = 0;
        foreach (var need in Read(elf))
        {
            if (!names.Contains(need.Name) || need.IsWeak) continue;
            BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan((int)need.FlagsOffset), (ushort)(need.Flags | VerFlagWeak));
            changed++;
        }
        return changed;
    }

    private static ushort U16(byte[] b, long at) => BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan((int)at));
    private static uint U32(byte[] b, long at) => BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan((int)at));
    private static ulong U64(byte[] b, long at) => BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan((int)at));

    private static string CString(byte[] b, long at)
    {
        int end = Array.IndexOf(b, (byte)0, (int)at);
        return Encoding.ASCII.GetString(b, (int)at, end - (int)at);
    }
}
