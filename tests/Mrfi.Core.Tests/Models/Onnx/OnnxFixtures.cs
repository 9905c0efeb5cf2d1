using Google.Protobuf;
using Onnx;

namespace Mrfi.Core.Tests.Models.Onnx;

/// <summary>Small ONNX models written from C# (OnnxSharp's generated messages), for tests that need a particular graph.</summary>
internal static class OnnxFixtures
{
    /// <summary>A model of <paramref name="nodes"/> with one float input and one output.</summary>
    public static ModelProto Model(long[] inputShape, string output, IEnumerable<NodeProto> nodes, IEnumerable<TensorProto> initializers,
        long opset = 14)
    {
        var graph = new GraphProto { Name = "fixture" };
        graph.Node.AddRange(nodes);
        graph.Initializer.AddRange(initializers);
        graph.Input.Add(Value("input", inputShape));
        graph.Output.Add(new ValueInfoProto { Name = output,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = 1 } } });
        var model = new ModelProto { IrVersion = 8, Graph = graph, ProducerName = "mrfi tests" };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = opset });
        return model;
    }

    /// <summary>A float tensor value; −1 is a dynamic axis.</summary>
    public static ValueInfoProto Value(string name, long[] shape)
    {
        var tensorShape = new TensorShapeProto();
        tensorShape.Dim.AddRange(shape.Select(d => d < 0 ? new TensorShapeProto.Types.Dimension { DimParam = "batch" }
            : new TensorShapeProto.Types.Dimension { DimValue = d }));
        return new ValueInfoProto { Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = 1, Shape = tensorShape } } };
    }

    /// <summary>A node; attributes as (name, value) with long, float, long[] or string values.</summary>
    public static NodeProto Node(string op, string name, string[] inputs, string[] outputs, params (string Name, object Value)[] attributes)
    {
        var node = new NodeProto { OpType = op, Name = name };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        foreach (var (key, value) in attributes)
        {
            var a = new AttributeProto { Name = key };
            switch (value)
            {
                case long i: a.I = i; a.Type = AttributeProto.Types.AttributeType.Int; break;
                case float f: a.F = f; a.Type = AttributeProto.Types.AttributeType.Float; break;
                case long[] ints: a.Ints.AddRange(ints); a.Type = AttributeProto.Types.AttributeType.Ints; break;
                case string s: a.S = ByteString.CopyFromUtf8(s); a.Type = AttributeProto.Types.AttributeType.String; break;
                default: throw new ArgumentException($"attribute {key}: {value.GetType().Name}");
            }
            node.Attribute.Add(a);
        }
        return node;
    }

    /// <summary>A float initializer with values 0.01·(i mod 17) − 0.03, distinct enough for position checks.</summary>
    public static TensorProto Weight(string name, params long[] shape)
    {
        var t = new TensorProto { Name = name, DataType = 1 };
        t.Dims.AddRange(shape);
        long count = shape.Aggregate(1L, (a, d) => a * d);
        t.FloatData.AddRange(Enumerable.Range(0, (int)count).Select(i => 0.01f * (i % 17) - 0.03f));
        return t;
    }

    /// <summary>Writes a model into a fresh temporary folder and returns its path.</summary>
    public static string Write(ModelProto model, string name = "model.onnx")
    {
        string folder = Path.Combine(Path.GetTempPath(), "mrfi-onnx-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, name);
        File.WriteAllBytes(path, model.ToByteArray());
        return path;
    }

    /// <summary>Two outputs from one input [N,1,2,3] → Flatten → [N,6]: <c>first</c> = x·W1 [N,3] (site head1) and
    /// <c>second</c> = x·W2 [N,2] (site head2), W1 [6,3] and W2 [6,2] <see cref="Weight"/>s.</summary>
    public static ModelProto TwoOutputs()
    {
        var model = Model([-1, 1, 2, 3], "first",
            [
                Node("Flatten", "/Flatten", ["input"], ["f"], ("axis", 1L)),
                Node("MatMul", "/head1/MatMul", ["f", "head1.weight"], ["first"]),
                Node("MatMul", "/head2/MatMul", ["f", "head2.weight"], ["second"]),
            ],
            [Weight("head1.weight", 6, 3), Weight("head2.weight", 6, 2)]);
        model.Graph.Output.Add(new ValueInfoProto { Name = "second",
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = 1 } } });
        return model;
    }

    /// <summary>The five site kinds in one graph: input [N,1,6,6] → Conv → Relu → Flatten → Gemm → Relu → MatMul →
    /// [N,3].</summary>
    public static ModelProto FiveSites() => Model([-1, 1, 6, 6], "out",
        [
            Node("Conv", "/conv/Conv", ["input", "conv.weight", "conv.bias"], ["c"], ("kernel_shape", new long[] { 3, 3 }),
                ("pads", new long[] { 1, 1, 1, 1 })),
            Node("Relu", "/act/Relu", ["c"], ["r"]),
            Node("Flatten", "/Flatten", ["r"], ["f"], ("axis", 1L)),
            Node("Gemm", "/fc/Gemm", ["f", "fc.weight", "fc.bias"], ["g"], ("transB", 1L)),
            Node("Relu", "/act2/Relu", ["g"], ["r2"]),
            Node("MatMul", "/head/MatMul", ["r2", "head.weight"], ["out"]),
        ],
        [Weight("conv.weight", 2, 1, 3, 3), Weight("conv.bias", 2), Weight("fc.weight", 5, 72), Weight("fc.bias", 5),
            Weight("head.weight", 5, 3)]);
}
