using Mrfi.Core.Models.Onnx;
using static TorchSharp.torch;

namespace Mrfi.Core.Tests.Models.Onnx;

/// <summary>The models of scripts/export-onnx-models.py (torchvision classifiers, ViT, a BERT-style encoder, a YOLO-style
/// head; seeded random weights, dynamic batch) imported by mrfi give the outputs of ONNX Runtime, an independent
/// executor, within rtol 1e-4 and atol 1e-5, at batch sizes 1 and 7.</summary>
[TestClass]
public sealed class OnnxRuntimeAgreementTests
{
    private const double RelativeTolerance = 1e-4;
    private const double AbsoluteTolerance = 1e-5;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [DataRow("resnet18")]
    [DataRow("resnet18_unfolded")]
    [DataRow("mobilenet_v2")]
    [DataRow("efficientnet_b0")]
    [DataRow("densenet121")]
    [DataRow("vit_b_16")]
    [DataRow("bert_encoder")]
    [DataRow("bert_encoder_op11")]
    [DataRow("yolo_head")]
    [DataRow("yolo_head_op11")]
    public void Imported_model_gives_the_outputs_of_ONNX_Runtime_at_batch_1_and_7(string name)
    {
        var model = ExportedModels.Get(name);
        using var graph = OnnxGraphBuilder.Load(model.Path);
        graph.eval();
        foreach (int batch in new[] { 1, 7 })
        {
            var inputs = ModelInputs.Draw(model, batch, seed: 1000 + batch);
            var expected = OrtReference.Run(model.Path, inputs);
            using var scope = NewDisposeScope();
            Tensor[] actual;
            using (no_grad())
                actual = graph.Run([.. inputs.Values.Select(ToTensor)]);
            Assert.HasCount(expected.Count, actual, $"{name}: number of outputs");
            for (int o = 0; o < expected.Count; o++)
                AssertClose(expected[o], actual[o], $"{name} batch {batch} output '{model.Outputs[o]}'");
        }
    }

    private static Tensor ToTensor(InputValue value) =>
        value.Floats is { } f ? tensor(f, value.Shape) : tensor(value.Longs!, value.Shape);

    private void AssertClose(OutputValue expected, Tensor actual, string what)
    {
        CollectionAssert.AreEqual(expected.Shape, actual.shape, $"{what}: shape [{string.Join(",", actual.shape)}]");
        float[] values = actual.to_type(ScalarType.Float32).contiguous().data<float>().ToArray();
        double maxAbs = 0, maxRel = 0, scale = 0;
        int worst = -1;
        for (int i = 0; i < values.Length; i++)
        {
            double e = expected.Values[i], diff = Math.Abs(values[i] - e);
            scale = Math.Max(scale, Math.Abs(e));
            maxAbs = Math.Max(maxAbs, diff);
            maxRel = Math.Max(maxRel, diff / Math.Max(Math.Abs(e), 1e-30));
            if (!(diff <= AbsoluteTolerance + RelativeTolerance * Math.Abs(e)) && worst < 0) worst = i;
        }
        TestContext.WriteLine($"{what}: {values.Length} values up to {scale:G3}, max |diff| {maxAbs:G3}, max relative {maxRel:G3}");
        // Outputs far below atol would make the comparison vacuous.
        Assert.IsGreaterThan(100 * AbsoluteTolerance, scale, $"{what}: the reference output is all but zero");
        Assert.AreEqual(-1, worst, worst < 0 ? ""
            : $"{what}: element {worst} is {values[worst]}, ONNX Runtime says {expected.Values[worst]}");
    }
}
