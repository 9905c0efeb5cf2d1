using Google.Protobuf;
using Mrfi.Core.Tests.Models.Onnx;
using Onnx;

namespace Mrfi.Tool.Tests.Commands;

/// <summary>A small graph with two inputs, written from C#: a float vector "x" [N, 4] and int64 token ids "ids" [N, 3]
/// (an embedding Gather), summed after MatMuls with constant weights into [N, 5] — the shape of a BERT-style model's
/// inputs without the size.</summary>
internal static class TwoInputOnnx
{
    /// <summary>Writes the graph into <paramref name="folder"/> and returns its path.</summary>
    public static string Write(string folder)
    {
        var graph = new GraphProto { Name = "two-inputs" };
        graph.Input.Add(Value("x", 1, 4));
        graph.Input.Add(Value("ids", 7, 3));
        graph.Output.Add(Value("out", 1, 5));
        graph.Node.Add(OnnxFixtures.Node("Gather", "/embed/Gather", ["embed.weight", "ids"], ["e"]));
        graph.Node.Add(OnnxFixtures.Node("Flatten", "/Flatten", ["e"], ["ef"]));
        graph.Node.Add(OnnxFixtures.Node("MatMul", "/proj/MatMul", ["x", "proj.weight"], ["p"]));
        graph.Node.Add(OnnxFixtures.Node("Add", "/Add", ["ef", "p"], ["h"]));
        graph.Node.Add(OnnxFixtures.Node("MatMul", "/head/MatMul", ["h", "head.weight"], ["out"]));
        graph.Initializer.Add(OnnxFixtures.Weight("embed.weight", 10, 4));
        graph.Initializer.Add(OnnxFixtures.Weight("proj.weight", 4, 12));
        graph.Initializer.Add(OnnxFixtures.Weight("head.weight", 12, 5));
        var model = new ModelProto { IrVersion = 8, Graph = graph, ProducerName = "mrfi tests" };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 14 });
        string path = Path.Combine(folder, "two_inputs.onnx");
        File.WriteAllBytes(path, model.ToByteArray());
        return path;
    }

    // A tensor value of ONNX element type elemType (1 float, 7 int64) and shape [N, width].
    private static ValueInfoProto Value(string name, int elemType, long width)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "N" });
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = width });
        return new ValueInfoProto { Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = elemType, Shape = shape } } };
    }
}
