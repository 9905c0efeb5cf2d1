using Mrfi.Core.Campaigns;
using Mrfi.Core.Components;
using Mrfi.Core.Configuration;
using Mrfi.Core.ErrorModels;
using Mrfi.Core.Injection;
using Mrfi.Core.Models.Onnx;
using Mrfi.Core.Planning;
using Mrfi.Core.Selectors;
using Mrfi.Core.Tests.Campaigns;
using Mrfi.Core.Tests.Configuration;
using Serilog;
using static Mrfi.Core.Tests.Data.NpyBytes;
using static TorchSharp.torch;

namespace Mrfi.Core.Tests.Models.Onnx;

/// <summary>A campaign on the exported BERT-style encoder (three int64 inputs) fed from an npz of token ids: the data
/// packs the inputs into one tensor per batch, the graph unpacks them, and the word embedding is a weight site.</summary>
[TestClass]
public sealed class OnnxSeveralInputsTests
{
    private const string Embedding = "embeddings.word_embeddings";

    private static string Campaign(string onnx, string npz) => $$"""
        [model]
        onnx = "{{onnx}}"
        output = "tensor"

        [data]
        format = "npz"
        file = "{{npz}}"

        [run]
        seed = 7
        batch_size = 3

        [sweep]
        ber = [1e-3]
        repeats = 2

        [[fault_inject]]
        name = "embedding"
        target = "weight"
        module_name = "{{Embedding}}"
        selector = { method = "RandomPositionByRate", ber = "$ber" }
        error_model = { method = "FloatRandomBitFlip" }

        """;

    // The drawn token ids written to an npz under the graph's input names (shape overridable for the error test).
    private static string TokenFile(ModelInputs inputs, Func<InputValue, long[]>? shape = null)
    {
        string path = Path.Combine(Repo.TempFolder("bert-npz"), "tokens.npz");
        Npz(path, inputs.Values.Select(v => (v.Name, Npy("<i8", shape?.Invoke(v) ?? v.Shape, Longs(v.Longs!)))));
        return path;
    }

    private static CampaignPlan Plan(string onnx, string npz) =>
        new PlanBuilder(ComponentCatalog.BuiltIn).Build(ConfigReader.Read(ConfigFixture.Write(Campaign(onnx, npz))));

    [TestMethod]
    public void A_campaign_on_the_BERT_encoder_gives_ONNX_Runtimes_golden_outputs_and_faults_only_the_embedding_table()
    {
        var model = ExportedModels.Get("bert_encoder");
        var inputs = ModelInputs.Draw(model, 7, seed: 21);
        var expected = OrtReference.Run(model.Path, inputs);
        var plan = Plan(model.Path, TokenFile(inputs));
        using var module = plan.Model;
        using (var data = CampaignRunner.LoadData(plan))
        using (no_grad())
        {
            // The campaign's data through the campaign's model: the golden outputs (both, packed side by side per sample, as
            // the campaign scores them), as ONNX Runtime computes them.
            using var golden = module.call(data.Images);
            long[] sizes = [.. expected.Select(e => e.Shape.Skip(1).Aggregate(1L, (a, d) => a * d))];
            CollectionAssert.AreEqual(new[] { expected[0].Shape[0], sizes.Sum() }, golden.shape);
            CollectionAssert.AreEqual(sizes, ((Mrfi.Core.Models.IModelOutputs)module).PackedSizes!.ToArray());
            float[] actual = golden.data<float>().ToArray();
            for (int o = 0, at = 0; o < expected.Count; at += (int)sizes[o++])
                for (int i = 0; i < expected[o].Values.Length; i++)
                {
                    long sample = i / sizes[o], within = i % sizes[o];
                    float value = actual[sample * sizes.Sum() + at + within];
                    Assert.IsLessThanOrEqualTo(1e-5 + 1e-4 * Math.Abs(expected[o].Values[i]), Math.Abs(value - expected[o].Values[i]),
                        $"output {o}, element {i}");
                }
        }
        float[] table = EmbeddingTable(model.Path);
        var sink = new MemorySink();
        new CampaignRunner(new LoggerConfiguration().CreateLogger()) { RecordFaults = true }.Run(plan, sink, new SilentProgress(), null);
        Assert.HasCount(2, sink.Trials);
        Assert.IsNotEmpty(sink.Faults, "faults were drawn");
        Assert.IsTrue(sink.Faults.All(f => f.Layer == Embedding && f.Tensor == "weight"), "every fault is on the embedding table");
        // Plain C#: each recorded original value is the table's value at that position, and the fault changed it.
        Assert.IsTrue(sink.Faults.All(f => f.Original == table[f.Index] && !f.Faulty.Equals(f.Original)));
    }

    [TestMethod]
    public void A_weight_fault_on_the_embedding_changes_exactly_the_drawn_positions_of_the_table_and_the_hook_sees_the_token_ids()
    {
        var model = ExportedModels.Get("bert_encoder");
        var inputs = ModelInputs.Draw(model, 3, seed: 5);
        using var scope = NewDisposeScope();
        using var graph = OnnxGraphBuilder.Load(model.Path);
        graph.eval();
        var packed = Mrfi.Core.Data.InputPacking.Pack([.. inputs.Values.Select(v => tensor(v.Longs!).reshape(v.Shape))]);
        var site = (nn.Module<Tensor, Tensor>)graph.Sites.Single(s => s.Name == Embedding).Module;
        using var noGrad = no_grad();
        var (clean, hooked) = Capture(graph, site, packed);
        CollectionAssert.AreEqual(inputs.Values[0].Longs, hooked, "the embedding's hooked input is input_ids");
        var entry = new FaultEntry("e", InjectionTarget.Weight, [Embedding], ["weight"], true, null, false,
            new RandomPositionByRateSelector(1e-3), new SetValueErrorModel([100f]));
        List<FaultRecord> records;
        float[] weight;
        using (var session = new FaultInjectionSession(graph, [entry], [], new SessionOptions { RecordFaults = true }))
        {
            (weight, _) = Capture(graph, site, packed);
            records = [.. session.EndTrial().Records];
        }
        var changed = Enumerable.Range(0, clean.Length).Where(i => clean[i] != weight[i]).Select(i => (long)i).ToList();
        Assert.IsNotEmpty(records, "faults were drawn");
        CollectionAssert.AreEquivalent(records.Select(r => r.Index).Distinct().ToList(), changed);
        Assert.IsTrue(changed.All(i => weight[i] == 100f));
    }

    [TestMethod]
    public void A_token_tensor_of_the_wrong_per_sample_shape_is_one_error_at_the_data_file_key()
    {
        var model = ExportedModels.Get("bert_encoder");
        var inputs = ModelInputs.Draw(model, 4, seed: 3);
        // token_type_ids written as [4, 2, 8] instead of [4, 16]: as many values, the wrong shape.
        string npz = TokenFile(inputs, v => v.Name == "token_type_ids" ? [v.Shape[0], 2, v.Shape[1] / 2] : v.Shape);
        var plan = Plan(model.Path, npz);
        using var module = plan.Model;
        var e = Assert.ThrowsExactly<MrfiException>(() => CampaignRunner.LoadData(plan));
        StringAssert.Matches(e.Message, new System.Text.RegularExpressions.Regex(@"mrfi\.toml\(\d+,\d+\): error: \[data\] file: "));
        StringAssert.Contains(e.Message,
            "tensor 'token_type_ids' has shape [4, 2, 8], but the model's input 'token_type_ids' takes samples of shape [16]: it must be " +
            "[N, 16]");
    }

    [TestMethod]
    public void A_graph_with_several_inputs_on_image_data_is_one_error_at_the_data_format_key()
    {
        var model = ExportedModels.Get("bert_encoder");
        string toml = Campaign(model.Path, "unused")
            .Replace("format = \"npz\"\nfile = \"unused\"", "format = \"synthetic\"\nshape = [3, 4, 4]\ncount = 4",
                StringComparison.Ordinal);
        StringAssert.Contains(toml, "synthetic");
        var e = Assert.ThrowsExactly<MrfiException>(() => new PlanBuilder(ComponentCatalog.BuiltIn)
            .Build(ConfigReader.Read(ConfigFixture.Write(toml))));
        StringAssert.Matches(e.Message,
            new System.Text.RegularExpressions.Regex(
                @"mrfi\.toml\(\d+,\d+\): error: \[data\] format = ""synthetic"" gives one image tensor, but .*bert_encoder\.onnx takes 3 " +
                @"inputs \('input_ids' \[16\] Int64, "));
    }

    [TestMethod]
    public void Inspect_runs_a_graph_with_several_inputs_on_zeros_of_each_input()
    {
        var model = ExportedModels.Get("bert_encoder");
        var (graph, input, title) = OnnxImport.LoadWithInput(model.Path, "--model bert_encoder.onnx");
        using (graph)
        using (input)
        using (no_grad())
        {
            StringAssert.Contains(title, "inputs input_ids [1,16], token_type_ids [1,16], attention_mask [1,16] (zeros)");
            // Both outputs, last_hidden_state [1, 16, 64] and pooler_output [1, 64], packed per sample.
            using var output = graph.call(input);
            CollectionAssert.AreEqual(new long[] { 1, 16 * 64 + 64 }, output.shape);
            CollectionAssert.AreEqual(new long[] { 16 * 64, 64 }, ((Mrfi.Core.Models.IModelOutputs)graph).PackedSizes!.ToArray());
        }
    }

    // The embedding's weight as the node computes with it (after the session's hooks) and its hooked input.
    private static (float[] Weight, long[] Input) Capture(OnnxGraphModule graph, nn.Module<Tensor, Tensor> site, Tensor packed)
    {
        (float[], long[]) seen = ([], []);
        var hook = site.register_forward_pre_hook((m, x) =>
        {
            seen = (m.named_parameters().Single(p => p.name == "weight").parameter.data<float>().ToArray(), x.data<long>().ToArray());
            return x;
        });
        try
        {
            graph.call(packed);
            return seen;
        }
        finally
        {
            hook.remove();
        }
    }

    // The word embedding table as the file stores it: the initializer's raw little-endian float32 bytes, read with plain
    // protobuf and BitConverter, not through the importer.
    private static float[] EmbeddingTable(string path)
    {
        var init = global::Onnx.ModelProto.Parser.ParseFrom(File.ReadAllBytes(path))
            .Graph.Initializer.Single(i => i.Name == Embedding + ".weight");
        byte[] raw = init.RawData.ToByteArray();
        return raw.Length > 0
            ? [.. Enumerable.Range(0, raw.Length / 4).Select(i => BitConverter.ToSingle(raw, 4 * i))]
            : [.. init.FloatData];
    }
}
