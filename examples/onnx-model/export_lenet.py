"""Exports the bundled LeNet (examples/assets/lenet_fmnist.safetensors) to lenet_fmnist.onnx.

The torch model mirrors src/Mrfi.Core/Models/Zoo/LeNet.cs for 1x28x28 inputs (conv1 pads by 2). Run with Debian's
torch (apt-get install python3-torch; no pip packages needed):  /usr/bin/python3 export_lenet.py
"""
import json
import struct
from pathlib import Path

import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = Path(__file__).resolve().parent


class LeNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5, padding=2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(400, 120)
        self.fc2 = nn.Linear(120, 84)
        self.fc3 = nn.Linear(84, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.fc3(x)


def read_safetensors(path):
    """A safetensors file is an 8-byte header length, a JSON header, then the raw little-endian tensors."""
    data = path.read_bytes()
    (length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + length])
    body = data[8 + length:]
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        assert info["dtype"] == "F32", f"{name}: {info['dtype']}"
        start, end = info["data_offsets"]
        flat = torch.frombuffer(bytearray(body[start:end]), dtype=torch.float32)
        tensors[name] = flat.reshape(info["shape"]).clone()
    return tensors


def main():
    model = LeNet()
    model.load_state_dict(read_safetensors(HERE.parent / "assets" / "lenet_fmnist.safetensors"))
    model.eval()
    # do_constant_folding=False keeps every weight an initializer under its own name (conv1.weight, …).
    torch.onnx.export(model, torch.zeros(1, 1, 28, 28), HERE / "lenet_fmnist.onnx", opset_version=14,
                      input_names=["input"], output_names=["logits"], dynamic_axes={"input": {0: "batch"}, "logits": {0: "batch"}},
                      do_constant_folding=False)


if __name__ == "__main__":
    main()
