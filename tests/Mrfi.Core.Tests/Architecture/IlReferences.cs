using System.Reflection;
using System.Reflection.Emit;

namespace Mrfi.Core.Tests.Architecture;

/// <summary>The members and types a method body names: the operands of its IL instructions, resolved.</summary>
internal static class IlReferences
{
    private static readonly OpCode[] OneByte = new OpCode[256];
    private static readonly OpCode[] TwoByte = new OpCode[256];

    static IlReferences()
    {
        foreach (FieldInfo field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var op = (OpCode)field.GetValue(null)!;
            ushort value = unchecked((ushort)op.Value);
            if (value < 0x100) OneByte[value] = op;
            else if ((value & 0xff00) == 0xfe00) TwoByte[value & 0xff] = op;
        }
    }

    /// <summary>Every type or member named by the body of <paramref name="method"/>; none when it has no body.</summary>
    public static IEnumerable<MemberInfo> Of(MethodBase method)
    {
        byte[]? il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null) yield break;
        Type[] typeArgs = method.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : Type.EmptyTypes;
        Type[] methodArgs = method is MethodInfo { IsGenericMethod: true } ? method.GetGenericArguments() : Type.EmptyTypes;
        int i = 0;
        while (i < il.Length)
        {
            OpCode op = il[i] == 0xFE ? TwoByte[il[++i]] : OneByte[il[i]];
            i++;
            int size = OperandSize(op.OperandType, il, i);
            if (op.OperandType is OperandType.InlineTok or OperandType.InlineType or OperandType.InlineMethod or OperandType.InlineField)
            {
                MemberInfo? member = Resolve(method.Module, BitConverter.ToInt32(il, i), typeArgs, methodArgs);
                if (member is not null) yield return member;
            }
            i += size;
        }
    }

    private static MemberInfo? Resolve(Module module, int token, Type[] typeArgs, Type[] methodArgs)
    {
        try { return module.ResolveMember(token, typeArgs, methodArgs); }
        catch (ArgumentException) { return null; } // a vararg or unresolvable token: nothing of Core's
    }

    private static int OperandSize(OperandType type, byte[] il, int at) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, at),
        _ => 4,
    };
}
