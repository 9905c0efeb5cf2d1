namespace Mrfi.Core.Tests.Models.Onnx;

/// <summary>One seeded draw of a model's inputs at a batch size: float inputs standard normal, integer inputs uniform in
/// their range, each as a flat array with its shape, so that ONNX Runtime and mrfi get the very same numbers.</summary>
internal sealed class ModelInputs
{
    private ModelInputs(IReadOnlyList<InputValue> values) => Values = values;

    /// <summary>The inputs in graph order.</summary>
    public IReadOnlyList<InputValue> Values { get; }

    /// <summary>Draws the inputs of <paramref name="model"/> with batch <paramref name="batch"/>.</summary>
    public static ModelInputs Draw(ExportedModel model, int batch, int seed)
    {
        var random = new Random(seed);
        var values = new List<InputValue>();
        foreach (var input in model.Inputs)
        {
            long[] shape = [.. input.Shape.Select(d => d < 0 ? batch : d)];
            long count = shape.Aggregate(1L, (a, d) => a * d);
            values.Add(input.Dtype switch
            {
                "float32" => new InputValue(input.Name, shape, [.. Enumerable.Range(0, (int)count).Select(_ => Normal(random))], null),
                "int64" => new InputValue(input.Name, shape, null,
                    [.. Enumerable.Range(0, (int)count).Select(_ => random.NextInt64(input.Low, input.High))]),
                _ => throw new InvalidOperationException($"{model.Name}: input dtype {input.Dtype}"),
            });
        }
        return new ModelInputs(values);
    }

    private static float Normal(Random random) =>
        (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
}

/// <summary>One input: name, shape, and its values as floats or longs.</summary>
internal sealed record InputValue(string Name, long[] Shape, float[]? Floats, long[]? Longs);

/// <summary>One output: shape and values (as floats, whatever the model's float type).</summary>
internal sealed record OutputValue(long[] Shape, float[] Values);
