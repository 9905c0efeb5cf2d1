using System.Globalization;
using Mrfi.Core.Configuration;

namespace Mrfi.Core.Components;

/// <summary>Converts a TOML value to a constructor parameter's type.</summary>
/// <remarks>Supports numbers, booleans, strings, enums, nullables, arrays (a scalar becomes a one-element
/// array) and any type with a public one-argument constructor taking the TOML value (e.g. DynamicRange).
/// Strings that refer to sweep variables (<c>"$ber * 8"</c>, <c>"$format"</c>) are evaluated first.</remarks>
internal static class ArgumentConverter
{
    public static object? Convert(ConfigValue arg, Type target, SweepValues sweep)
    {
        object value = arg.Value;
        if (value is string s && SweepExpression.Looks(s))
            value = SweepExpression.Evaluate(s, sweep, new ValueOrigin(arg.Key, arg.Location));
        return ConvertValue(arg with { Value = value }, target, sweep);
    }

    private static object? ConvertValue(ConfigValue arg, Type target, SweepValues sweep)
    {
        object value = arg.Value;
        var underlying = Nullable.GetUnderlyingType(target) ?? target;
        try
        {
            if (underlying == typeof(string) && value is string) return value;
            if (underlying == typeof(bool) && value is bool) return value;
            if (underlying == typeof(double) && value is long or double)
                return System.Convert.ToDouble(value, CultureInfo.InvariantCulture);
            if (underlying == typeof(float) && value is long or double) return System.Convert.ToSingle(value, CultureInfo.InvariantCulture);
            if (underlying == typeof(int) && value is long l32) return checked((int)l32);
            if (underlying == typeof(long) && value is long) return value;
            if ((underlying == typeof(int) || underlying == typeof(long)) && value is double d && d == Math.Floor(d))
                return underlying == typeof(int) ? (object)checked((int)d) : checked((long)d);
            if (underlying.IsEnum && value is string e)
                return Enum.Parse(underlying, e.Replace("_", "", StringComparison.Ordinal), ignoreCase: true);
            if (underlying.IsArray)
            {
                var element = underlying.GetElementType()!;
                var items = value as IReadOnlyList<ConfigValue> ?? [arg];
                var array = Array.CreateInstance(element, items.Count);
                for (int i = 0; i < items.Count; i++) array.SetValue(Convert(items[i], element, sweep), i);
                return array;
            }
            var ctor = underlying.GetConstructor([value.GetType()])
                ?? (value is long ? underlying.GetConstructor([typeof(double)]) : null);
            if (ctor is not null)
            {
                object v = ctor.GetParameters()[0].ParameterType == typeof(double)
                    ? System.Convert.ToDouble(value, CultureInfo.InvariantCulture) : value;
                return ctor.Invoke([v]);
            }
        }
        catch (OverflowException)
        {
            throw MrfiException.At(arg.Location, $"{arg.Key}: {value} is out of range");
        }
        catch (ArgumentException ex)
        {
            throw MrfiException.At(arg.Location, $"{arg.Key}: {ex.Message.Split(" (Parameter", 2)[0]}");
        }
        catch (System.Reflection.TargetInvocationException ex) when (ex.InnerException is ArgumentException inner)
        {
            throw MrfiException.At(arg.Location, $"{arg.Key}: {inner.Message.Split(" (Parameter", 2)[0]}");
        }
        throw MrfiException.At(arg.Location, $"{arg.Key} must be {Describe(underlying)}, not {arg.TypeName}");
    }

    private static string Describe(Type t) =>
        t == typeof(int) || t == typeof(long) ? "an integer"
        : t == typeof(double) || t == typeof(float) ? "a number"
        : t == typeof(bool) ? "true or false"
        : t == typeof(string) ? "a string"
        : t.IsEnum ? $"one of {string.Join(", ", Enum.GetNames(t))}"
        : t.IsArray ? $"an array of {Describe(t.GetElementType()!)}"
        : $"a {t.Name}";
}
