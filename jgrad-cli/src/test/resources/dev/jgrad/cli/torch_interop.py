"""PyTorch side of jgrad's checkpoint interoperability test.

    predict CHECKPOINT INPUTS        builds the checkpoint's architecture as torch.nn modules,
                                     loads its tensors with load_state_dict(strict=True) and
                                     classifies INPUTS
    export DESCRIPTION OUT INPUTS    builds that architecture with PyTorch's own initialization,
                                     writes its state dict to OUT as safetensors and classifies
                                     INPUTS

DESCRIPTION is jgrad's model description, e.g. "in=64;hidden=128;classes=10;activation=relu".
INPUTS holds already-normalized rows as little-endian float32, row-major. Prints one JSON object
{"classes": [...], "logits": [[...], ...]} on stdout. Only torch and numpy are needed: the
safetensors format is read and written here, so the test does not depend on that package.
"""
import json
import os
import struct
import sys

try:
    import numpy as np
    import torch
    from torch import nn
except ImportError as missing:
    print(f"torch_interop.py: {missing}", file=sys.stderr)
    sys.exit(3)  # tells the test to skip rather than fail

# safetensors dtype codes and their little-endian numpy types
CODES = {"F64": "<f8", "F32": "<f4", "F16": "<f2", "I64": "<i8", "I32": "<i4", "I16": "<i2", "I8": "i1", "U8": "u1"}
TORCH_CODES = {torch.float64: "F64", torch.float32: "F32", torch.float16: "F16", torch.int64: "I64", torch.int32: "I32"}


def read_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < 8:
        sys.exit(f"{path}: too short for a safetensors file")
    (length,) = struct.unpack("<Q", data[:8])
    if 8 + length > len(data):
        sys.exit(f"{path}: header length {length} exceeds the file size {len(data)}")
    header = json.loads(data[8:8 + length].decode("utf-8"))
    metadata = header.pop("__metadata__", {})
    body = memoryview(data)[8 + length:]
    tensors = {}
    for name, info in header.items():
        if info["dtype"] not in CODES:
            sys.exit(f"{path}: tensor {name} has unsupported dtype {info['dtype']}")
        begin, end = info["data_offsets"]
        array = np.frombuffer(body[begin:end], dtype=CODES[info["dtype"]]).reshape(info["shape"])
        tensors[name] = torch.from_numpy(array.astype(array.dtype.newbyteorder("=")))
    return tensors, metadata


def write_safetensors(path, tensors, metadata):
    header = {"__metadata__": metadata} if metadata else {}
    payloads, offset = [], 0
    for name, tensor in tensors.items():
        code = TORCH_CODES[tensor.dtype]
        raw = tensor.detach().contiguous().numpy().astype(CODES[code]).tobytes()
        header[name] = {"dtype": code, "shape": list(tensor.shape), "data_offsets": [offset, offset + len(raw)]}
        payloads.append(raw)
        offset += len(raw)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)  # the reference writer pads the header so the data stays aligned
    temp = path + ".tmp"
    with open(temp, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for raw in payloads:
            f.write(raw)
    os.replace(temp, path)


def activation(name):
    if name == "relu":
        return nn.ReLU()
    if name == "tanh":
        return nn.Tanh()
    if name == "sigmoid":
        return nn.Sigmoid()
    if name == "leakyrelu":
        return nn.LeakyReLU()
    if name.startswith("leakyrelu:"):
        return nn.LeakyReLU(float(name.split(":", 1)[1]))
    sys.exit(f"unknown activation {name!r}")


def build(description):
    """The module tree jgrad's Models builds, so that the state dict names match."""
    spec = dict(part.split("=", 1) for part in description.split(";") if part)
    sizes = [int(spec["in"])] + [int(h) for h in spec["hidden"].split(",") if h] + [int(spec["classes"])]
    if len(sizes) == 2:
        return nn.Linear(sizes[0], sizes[1])
    dropout = float(spec.get("dropout", "0"))
    layers = []
    for i in range(len(sizes) - 2):
        layers += [nn.Linear(sizes[i], sizes[i + 1]), activation(spec["activation"])]
        if dropout > 0:
            layers.append(nn.Dropout(dropout))
    layers.append(nn.Linear(sizes[-2], sizes[-1]))
    return nn.Sequential(*layers)


def classify(model, inputs_path):
    model.eval()
    features = model[0].in_features if isinstance(model, nn.Sequential) else model.in_features
    x = torch.from_numpy(np.fromfile(inputs_path, dtype="<f4").astype(np.float32)).reshape(-1, features)
    with torch.no_grad():
        logits = model(x)
    print(json.dumps({"classes": logits.argmax(dim=1).tolist(), "logits": logits.tolist()}))


def main(args):
    torch.set_num_threads(1)
    if len(args) == 3 and args[0] == "predict":
        state, metadata = read_safetensors(args[1])
        model = build(metadata["model"])
        model.load_state_dict(state, strict=True)
        classify(model, args[2])
    elif len(args) == 4 and args[0] == "export":
        torch.manual_seed(0)
        model = build(args[1])
        write_safetensors(args[2], model.state_dict(), {"format": "pt"})
        classify(model, args[3])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
