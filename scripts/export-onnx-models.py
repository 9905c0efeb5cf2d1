#!/usr/bin/python3
"""Exports the models that mrfi's ONNX importer is checked against, with seeded random weights.

Run with Debian's python3-torch and python3-torchvision (torch 1.13; its ONNX exporter needs no `onnx` package):

    /usr/bin/python3 scripts/export-onnx-models.py OUT_DIR [NAME ...]

Writes OUT_DIR/NAME.onnx for each model and OUT_DIR/models.json, which says for every model its opset, its inputs
(name, dtype, shape with "N" for the dynamic batch axis, and for integer inputs the range to draw from) and how long
the export took. The tests (tests/Mrfi.Core.Tests/Models/Onnx) draw the inputs, run the file in ONNX Runtime and in
mrfi, and compare. Without NAMEs every model is exported.

Weights are random (torch.manual_seed), BatchNorm running statistics are randomised so that the folding of BatchNorm
into the convolutions (the exporter's default, eval mode) is not a no-op. The models:

  resnet18, mobilenet_v2, efficientnet_b0, densenet121   torchvision, 1x3x224x224, opset 14
  resnet18_unfolded                                     the same resnet18 with its BatchNormalization nodes kept and
                                                        initializers named as the state_dict (conv1.weight, …), so
                                                        `mrfi bench --onnx` can load the same weights into the
                                                        built-in ResNet18

torch 1.13 folds BatchNorm into the preceding Conv in every eval-mode export, do_constant_folding=False or not (the
"eval peephole" pass); the unfolded export switches that pass off for its duration.
  vit_b_16                                              torchvision, image_size 112 (7x7 patches), opset 17
  bert_encoder, bert_encoder_op11                       defined below: 2 layers, hidden 64, opset 13 and 11
  yolo_head, yolo_head_op11                             defined below: 64x64 input, opset 17 and 11

ViT-B/16 keeps all of its 86 million parameters (the file is about 330 MB whatever the image size); a 112-pixel image
makes its forward four times cheaper than at 224 and still gives every operator the 224 export has.
"""

import json
import math
import os
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision

SEED = 20260721


def randomise_batch_norm(model: nn.Module) -> None:
    """Non-default running statistics and affine parameters, so that a wrong BatchNorm would show."""
    g = torch.Generator().manual_seed(SEED + 1)
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, nn.modules.batchnorm._BatchNorm):
                m.running_mean.uniform_(-0.2, 0.2, generator=g)
                m.running_var.uniform_(0.5, 2.0, generator=g)
                m.weight.uniform_(0.5, 1.5, generator=g)
                m.bias.uniform_(-0.2, 0.2, generator=g)


# ---------------------------------------------------------------- a small BERT-style encoder (Hugging Face layout)

class BertEmbeddings(nn.Module):
    def __init__(self, vocab: int, hidden: int, max_positions: int, types: int):
        super().__init__()
        self.word_embeddings = nn.Embedding(vocab, hidden)
        self.position_embeddings = nn.Embedding(max_positions, hidden)
        self.token_type_embeddings = nn.Embedding(types, hidden)
        self.LayerNorm = nn.LayerNorm(hidden, eps=1e-12)
        self.register_buffer("position_ids", torch.arange(max_positions).unsqueeze(0))

    def forward(self, input_ids, token_type_ids):
        seq = input_ids.size(1)
        positions = self.position_ids[:, :seq]  # Slice with a length from Shape: dynamic sequence length
        x = self.word_embeddings(input_ids) + self.token_type_embeddings(token_type_ids) + self.position_embeddings(positions)
        return self.LayerNorm(x)


class BertSelfAttention(nn.Module):
    def __init__(self, hidden: int, heads: int):
        super().__init__()
        self.heads, self.head_size = heads, hidden // heads
        self.query = nn.Linear(hidden, hidden)
        self.key = nn.Linear(hidden, hidden)
        self.value = nn.Linear(hidden, hidden)

    def split_heads(self, x):
        n, s, _ = x.size()
        return x.view(n, s, self.heads, self.head_size).permute(0, 2, 1, 3)

    def forward(self, x, mask):
        q, k, v = self.split_heads(self.query(x)), self.split_heads(self.key(x)), self.split_heads(self.value(x))
        scores = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(self.head_size) + mask
        context = torch.matmul(F.softmax(scores, dim=-1), v).permute(0, 2, 1, 3).contiguous()
        n, s = context.size(0), context.size(1)
        return context.view(n, s, self.heads * self.head_size)


class BertLayer(nn.Module):
    def __init__(self, hidden: int, heads: int, intermediate: int):
        super().__init__()
        self.attention = BertSelfAttention(hidden, heads)
        self.attention_output = nn.Linear(hidden, hidden)
        self.attention_norm = nn.LayerNorm(hidden, eps=1e-12)
        self.intermediate = nn.Linear(hidden, intermediate)
        self.output = nn.Linear(intermediate, hidden)
        self.output_norm = nn.LayerNorm(hidden, eps=1e-12)

    def forward(self, x, mask):
        x = self.attention_norm(x + self.attention_output(self.attention(x, mask)))
        return self.output_norm(x + self.output(F.gelu(self.intermediate(x))))  # exact GELU: Erf


class BertEncoder(nn.Module):
    """Token ids, token types and an attention mask (all int64, [N, S]) to the last hidden state and the Tanh pooler."""

    def __init__(self, vocab=1000, hidden=64, heads=4, layers=2, intermediate=128, max_positions=64, types=2):
        super().__init__()
        self.embeddings = BertEmbeddings(vocab, hidden, max_positions, types)
        self.layers = nn.ModuleList([BertLayer(hidden, heads, intermediate) for _ in range(layers)])
        self.pooler = nn.Linear(hidden, hidden)

    def forward(self, input_ids, token_type_ids, attention_mask):
        mask = attention_mask.unsqueeze(1).unsqueeze(2).to(torch.float32)  # Unsqueeze, Cast
        mask = (1.0 - mask) * -10000.0
        x = self.embeddings(input_ids, token_type_ids)
        for layer in self.layers:
            x = layer(x, mask)
        return x, torch.tanh(self.pooler(x[:, 0]))  # Gather on axis 1


# ---------------------------------------------------------------- a small YOLO-style detector (v8 layout, cut at the head)

class ConvBnSiLU(nn.Module):
    def __init__(self, cin: int, cout: int, k: int = 3, s: int = 1):
        super().__init__()
        self.conv = nn.Conv2d(cin, cout, k, s, k // 2, bias=False)
        self.bn = nn.BatchNorm2d(cout)

    def forward(self, x):
        return F.silu(self.bn(self.conv(x)))  # Sigmoid, Mul


class C2f(nn.Module):
    def __init__(self, c: int):
        super().__init__()
        self.cv1 = ConvBnSiLU(c, c, 1)
        self.m = ConvBnSiLU(c // 2, c // 2, 3)
        self.cv2 = ConvBnSiLU(c + c // 2, c, 1)

    def forward(self, x):
        a, b = self.cv1(x).split([self.m.conv.in_channels] * 2, 1)  # Split
        return self.cv2(torch.cat([a, b, self.m(b)], 1))


class Sppf(nn.Module):
    def __init__(self, c: int):
        super().__init__()
        self.cv1 = ConvBnSiLU(c, c // 2, 1)
        self.cv2 = ConvBnSiLU(c * 2, c, 1)
        self.pool = nn.MaxPool2d(5, 1, 2)

    def forward(self, x):
        x = self.cv1(x)
        y1 = self.pool(x)
        y2 = self.pool(y1)
        return self.cv2(torch.cat([x, y1, y2, self.pool(y2)], 1))


class YoloHead(nn.Module):
    """Backbone, a nearest and a bilinear upsampling neck, and a decoupled head with a DFL box decoding and class
    sigmoids, output [N, 4 + classes, anchors] as YOLOv8 before NMS."""

    def __init__(self, classes: int = 8, reg_max: int = 8):
        super().__init__()
        self.reg_max, self.classes = reg_max, classes
        self.stem = ConvBnSiLU(3, 16, 3, 2)       # /2
        self.down1 = ConvBnSiLU(16, 32, 3, 2)     # /4
        self.c2f1 = C2f(32)
        self.down2 = ConvBnSiLU(32, 64, 3, 2)     # /8
        self.c2f2 = C2f(64)
        self.down3 = ConvBnSiLU(64, 64, 3, 2)     # /16
        self.sppf = Sppf(64)
        self.up = nn.Upsample(scale_factor=2, mode="nearest")  # Resize
        self.neck = C2f(128)
        self.lateral = ConvBnSiLU(128, 32, 1)
        self.box = nn.ModuleList([nn.Conv2d(c, 4 * reg_max, 1) for c in (32, 64)])
        self.cls = nn.ModuleList([nn.Conv2d(c, classes, 1) for c in (32, 64)])
        self.register_buffer("project", torch.arange(reg_max, dtype=torch.float32))

    def decode(self, x, box, cls, stride: int):
        n, _, h, w = x.shape
        b = box(x).view(n, 4, self.reg_max, h * w).transpose(1, 2)                          # Reshape, Transpose
        b = (F.softmax(b, dim=1) * self.project.view(1, -1, 1, 1)).sum(1, keepdim=True).squeeze(1)  # ReduceSum, Squeeze
        lt, rb = b.split([2, 2], 1)                                                         # Split
        ys, xs = torch.meshgrid(torch.arange(h) + 0.5, torch.arange(w) + 0.5, indexing="ij")
        anchors = torch.stack([xs.reshape(-1), ys.reshape(-1)])
        boxes = torch.cat([anchors + (rb - lt) / 2, lt + rb], 1) * stride                   # centre x, y, width, height
        return torch.cat([boxes, torch.sigmoid(cls(x)).view(n, self.classes, h * w)], 1)

    def forward(self, x):
        p3 = self.c2f2(self.down2(self.c2f1(self.down1(self.stem(x)))))
        p4 = self.sppf(self.down3(p3))
        n3 = self.neck(torch.cat([self.up(p4), p3], 1))
        small = self.lateral(F.interpolate(n3, scale_factor=2.0, mode="bilinear", align_corners=False))  # Resize linear
        return torch.cat([self.decode(small, self.box[0], self.cls[0], 4), self.decode(p4, self.box[1], self.cls[1], 16)], 2)


# ---------------------------------------------------------------- what to export

def image(size: int):
    return {"inputs": [{"name": "input", "dtype": "float32", "shape": ["N", 3, size, size]}],
            "args": lambda n: (torch.randn(n, 3, size, size),)}


def tokens(vocab: int, seq: int):
    def args(n):
        ids = torch.randint(0, vocab, (n, seq))
        types = torch.randint(0, 2, (n, seq))
        mask = torch.ones(n, seq, dtype=torch.int64)
        mask[:, seq - 3:] = 0
        return ids, types, mask
    return {"inputs": [{"name": "input_ids", "dtype": "int64", "shape": ["N", seq], "low": 0, "high": vocab},
                       {"name": "token_type_ids", "dtype": "int64", "shape": ["N", seq], "low": 0, "high": 2},
                       {"name": "attention_mask", "dtype": "int64", "shape": ["N", seq], "low": 0, "high": 2}],
            "args": args}


def torchvision_model(name: str, **kwargs):
    def build():
        model = getattr(torchvision.models, name)(weights=None, **kwargs)
        randomise_batch_norm(model)
        if name.startswith("vit"):
            # torchvision zero-initialises ViT's classifier, which would make every logit 0.
            nn.init.normal_(model.heads.head.weight, std=0.05)
            nn.init.uniform_(model.heads.head.bias, -0.1, 0.1)
        return model
    return build


MODELS = {
    "resnet18": (torchvision_model("resnet18"), 14, image(224), ["logits"]),
    "resnet18_unfolded": (torchvision_model("resnet18"), 14, image(224), ["logits"]),
    "mobilenet_v2": (torchvision_model("mobilenet_v2"), 14, image(224), ["logits"]),
    "efficientnet_b0": (torchvision_model("efficientnet_b0"), 14, image(224), ["logits"]),
    "densenet121": (torchvision_model("densenet121"), 14, image(224), ["logits"]),
    "vit_b_16": (torchvision_model("vit_b_16", image_size=112), 17, image(112), ["logits"]),
    "bert_encoder": (BertEncoder, 13, tokens(1000, 16), ["last_hidden_state", "pooler_output"]),
    "bert_encoder_op11": (BertEncoder, 11, tokens(1000, 16), ["last_hidden_state", "pooler_output"]),
    "yolo_head": (lambda: randomised(YoloHead()), 17, image(64), ["detections"]),
    "yolo_head_op11": (lambda: randomised(YoloHead()), 11, image(64), ["detections"]),
}


def randomised(model: nn.Module) -> nn.Module:
    randomise_batch_norm(model)
    return model


def export(name: str, out_dir: str) -> dict:
    build, opset, spec, outputs = MODELS[name]
    torch.manual_seed(SEED)
    model = build().eval()
    args = spec["args"](2)
    input_names = [i["name"] for i in spec["inputs"]]
    dynamic = {n: {0: "N"} for n in input_names + outputs}
    path = os.path.join(out_dir, name + ".onnx")
    start = time.perf_counter()
    unfolded = name.endswith("_unfolded")
    peephole = torch._C._jit_pass_onnx_eval_peephole
    if unfolded:
        torch._C._jit_pass_onnx_eval_peephole = lambda graph, params: params
    try:
        # Not under no_grad: with gradients off, eval-mode nn.MultiheadAttention (ViT) takes its fused fast path,
        # which has no ONNX export.
        torch.onnx.export(model, args, path, opset_version=opset, input_names=input_names, output_names=outputs,
                          dynamic_axes=dynamic, do_constant_folding=not unfolded)
    finally:
        torch._C._jit_pass_onnx_eval_peephole = peephole
    seconds = time.perf_counter() - start
    return {"file": name + ".onnx", "opset": opset, "inputs": spec["inputs"], "outputs": outputs,
            "export_seconds": round(seconds, 2), "bytes": os.path.getsize(path)}


def main(argv) -> int:
    if not argv:
        print(__doc__)
        return 2
    out_dir, names = argv[0], argv[1:] or list(MODELS)
    unknown = [n for n in names if n not in MODELS]
    if unknown:
        print(f"unknown model {', '.join(unknown)}; the models are {', '.join(MODELS)}", file=sys.stderr)
        return 2
    os.makedirs(out_dir, exist_ok=True)
    torch.set_num_threads(max(1, os.cpu_count() or 1))
    manifest_path = os.path.join(out_dir, "models.json")
    manifest = {}
    if os.path.exists(manifest_path):
        with open(manifest_path) as f:
            manifest = json.load(f)
    total = time.perf_counter()
    for name in names:
        manifest[name] = export(name, out_dir)
        print(f"{name}: opset {manifest[name]['opset']}, {manifest[name]['bytes'] / 1e6:.1f} MB, "
              f"{manifest[name]['export_seconds']:.1f} s", flush=True)
    with open(manifest_path + ".tmp", "w") as f:
        json.dump(manifest, f, indent=1)
    os.replace(manifest_path + ".tmp", manifest_path)
    print(f"exported {len(names)} models in {time.perf_counter() - total:.1f} s to {out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
