using System.Reflection;

namespace Mrfi.Core.Tests.Architecture;

/// <summary>The types one type depends on: its base type, interfaces, attributes, the signatures, fields and locals of its
/// members, and every type or member its method bodies name (generic arguments, array elements included).</summary>
internal static class TypeReferences
{
    private const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic |
        BindingFlags.Instance | BindingFlags.Static;

    public static HashSet<Type> Of(Type type)
    {
        var found = new HashSet<Type>();
        void Add(Type? t) => Collect(t, found);
        Add(type.BaseType);
        foreach (Type i in type.GetInterfaces()) Add(i);
        foreach (CustomAttributeData a in type.CustomAttributes) Add(a.AttributeType);
        foreach (FieldInfo f in type.GetFields(Declared)) Add(f.FieldType);
        foreach (PropertyInfo p in type.GetProperties(Declared)) Add(p.PropertyType);
        foreach (EventInfo e in type.GetEvents(Declared)) Add(e.EventHandlerType);
        var methods = type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared));
        if (type.TypeInitializer is { } cctor) methods = methods.Append(cctor);
        foreach (MethodBase m in methods)
        {
            if (m is MethodInfo mi) Add(mi.ReturnType);
            foreach (ParameterInfo p in m.GetParameters()) Add(p.ParameterType);
            MethodBody? body = m.GetMethodBody();
            if (body is null) continue;
            foreach (LocalVariableInfo l in body.LocalVariables) Add(l.LocalType);
            foreach (ExceptionHandlingClause c in body.ExceptionHandlingClauses)
            {
                if (c.Flags == ExceptionHandlingClauseOptions.Clause) Add(c.CatchType);
            }
            foreach (MemberInfo member in IlReferences.Of(m))
            {
                if (member is Type t) Add(t);
                else
                {
                    Add(member.DeclaringType);
                    if (member is MethodInfo { IsGenericMethod: true } generic)
                    {
                        foreach (Type arg in generic.GetGenericArguments()) Add(arg);
                    }
                }
            }
        }
        return found;
    }

    private static void Collect(Type? type, HashSet<Type> found)
    {
        if (type is null || type.IsGenericParameter) return;
        if (type.HasElementType) { Collect(type.GetElementType(), found); return; }
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            foreach (Type arg in type.GetGenericArguments()) Collect(arg, found);
            type = type.GetGenericTypeDefinition();
        }
        found.Add(type);
    }
}
