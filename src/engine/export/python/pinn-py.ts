/**
 * The generated package's `pinn.py`: build_model(config), load_weights, save_weights and a
 * dependency-free safetensors reader/writer; the networks as docs/export.md writes them.
 * Written verbatim into DIR/pytorch/pinn.py (Python 3, PyTorch 1.13 or newer).
 */
export const pinnPy = String.raw`"""The playground's networks in PyTorch, rebuilt from an export's config.json.

build_model(config) -> torch.nn.Module maps inputs [N, d] (columns in the order of
config["export"]["network"]["inputs"], the axes of predictions.json) to outputs [N, k] (in the
order of "outputs"), in float32 or float64 (model.double()). Parameter and buffer names are
the playground's tensor names, so load_weights / save_weights read and write its
weights.safetensors. Layout: a dense layer is y = x @ W + b with W of shape [in, out].
See docs/export.md in the playground for every architecture's equations.
"""
import json
import math
import struct

import torch
from torch import nn

FORMAT_VERSION = 1

ACTIVATIONS = {
    "tanh": torch.tanh,
    "sin": torch.sin,
    "swish": lambda z: z * torch.sigmoid(z),
}


class Dense(nn.Module):
    """y = x @ W + b, W [fan_in, fan_out]; with RWF W = v * exp(s) (one s per output column)."""

    def __init__(self, fan_in, fan_out, rwf=None, bias=True, trainable=True, init_std=None):
        super().__init__()
        std = math.sqrt(2.0 / (fan_in + fan_out)) if init_std is None else init_std
        w = torch.randn(fan_in, fan_out) * std
        self.rwf = rwf is not None and trainable
        if self.rwf:
            s = rwf["mean"] + rwf["std"] * torch.randn(fan_out)
            self.v = nn.Parameter(w / torch.exp(s))
            self.s = nn.Parameter(s)
        elif trainable:
            self.weight = nn.Parameter(w)
        else:
            self.register_buffer("weight", w)
        self.bias = nn.Parameter(torch.zeros(fan_out)) if bias else None

    def matrix(self):
        return self.v * torch.exp(self.s) if self.rwf else self.weight

    def forward(self, x):
        y = x @ self.matrix()
        return y if self.bias is None else y + self.bias


class Net(nn.Module):
    """Base of the architectures: the input embedding E(x) and the activation φ.

    E first standardizes the inputs when the spec says so, x ↦ (x − mean) * inv_std per
    column, then applies the exact periodic embedding (each periodic axis a with period P becomes
    [cos(2πx_a/P), sin(2πx_a/P)], other axes pass through, in input order), then random
    Fourier features [cos(e @ B), sin(e @ B)] with B = fourier.weight [d, m] (no 2π).
    """

    def __init__(self, spec):
        super().__init__()
        periodic = spec.get("periodic") or {}
        st = spec.get("standardize")
        self.standardize = None if not st else (torch.tensor(st["mean"]), torch.tensor(st["invStd"]))
        self.omegas = [2 * math.pi / periodic[a] if a in periodic else None for a in spec["inputs"]]
        dim = sum(1 if w is None else 2 for w in self.omegas)
        four = spec.get("fourier")
        self.fourier = None
        if four:
            self.fourier = Dense(dim, four["size"], bias=False, trainable=four["trainable"], init_std=four["sigma"])
            dim = 2 * four["size"]
        self.embed_dim = dim
        self.act = ACTIVATIONS[spec["activation"]]

    def embed(self, x):
        if self.standardize is not None:
            mean, inv_std = self.standardize
            x = (x - mean.to(x)) * inv_std.to(x)
        if any(w is not None for w in self.omegas):
            cols = []
            for k, w in enumerate(self.omegas):
                c = x[:, k:k + 1]
                cols += [c] if w is None else [torch.cos(w * c), torch.sin(w * c)]
            x = torch.cat(cols, 1)
        if self.fourier is not None:
            z = self.fourier(x)
            x = torch.cat([torch.cos(z), torch.sin(z)], 1)
        return x


class Mlp(Net):
    """u = W_L φ(… φ(W_1 E(x) + b_1) …) + b_L; layers layer0 … layer{depth} (the last linear)."""

    def __init__(self, spec):
        super().__init__(spec)
        dims = [self.embed_dim] + [spec["width"]] * spec["depth"] + [len(spec["outputs"])]
        self.n = len(dims) - 1
        for i in range(self.n):
            self.add_module(f"layer{i}", Dense(dims[i], dims[i + 1], spec.get("rwf")))

    def forward(self, x):
        h = self.embed(x)
        for i in range(self.n):
            h = getattr(self, f"layer{i}")(h)
            if i < self.n - 1:
                h = self.act(h)
        return h


class ModifiedMlp(Net):
    """U = φ(E W_u + b_u), V = φ(E W_v + b_v); h = E; per layer k: z = φ(h W_k + b_k),
    h = z ⊙ V + (1 − z) ⊙ U; output linear in h."""

    def __init__(self, spec):
        super().__init__(spec)
        d, w, rwf = self.embed_dim, spec["width"], spec.get("rwf")
        self.encoder_u = Dense(d, w, rwf)
        self.encoder_v = Dense(d, w, rwf)
        self.depth = spec["depth"]
        for k in range(self.depth):
            self.add_module(f"layer{k}", Dense(d if k == 0 else w, w, rwf))
        self.output = Dense(w, len(spec["outputs"]), rwf)

    def forward(self, x):
        x = self.embed(x)
        u = self.act(self.encoder_u(x))
        v = self.act(self.encoder_v(x))
        h = x
        for k in range(self.depth):
            z = self.act(getattr(self, f"layer{k}")(h))
            h = z * v + (1 - z) * u
        return self.output(h)


class PirateBlock(nn.Module):
    def __init__(self, w, rwf):
        super().__init__()
        self.dense1 = Dense(w, w, rwf)
        self.dense2 = Dense(w, w, rwf)
        self.dense3 = Dense(w, w, rwf)
        self.alpha = nn.Parameter(torch.zeros(()))


class PirateNet(Net):
    """Φ = E(x) (width/2 Fourier features); U = φ(Φ W_u + b_u), V = φ(Φ W_v + b_v); per block
    f = φ(x W1 + b1), z1 = f ⊙ U + (1 − f) ⊙ V, g = φ(z1 W2 + b2), z2 = g ⊙ U + (1 − g) ⊙ V,
    h = φ(z2 W3 + b3), x ← α h + (1 − α) x; output linear."""

    def __init__(self, spec):
        super().__init__(spec)
        w, rwf = spec["width"], spec.get("rwf")
        if self.embed_dim != w:
            raise ValueError(f"pirate_net: the embedding has {self.embed_dim} features, width is {w}")
        self.encoder_u = Dense(w, w, rwf)
        self.encoder_v = Dense(w, w, rwf)
        self.depth = spec["depth"]
        for k in range(self.depth):
            self.add_module(f"block{k}", PirateBlock(w, rwf))
        self.output = Dense(w, len(spec["outputs"]), rwf)

    def forward(self, x):
        x = self.embed(x)
        u = self.act(self.encoder_u(x))
        v = self.act(self.encoder_v(x))
        for k in range(self.depth):
            b = getattr(self, f"block{k}")
            f = self.act(b.dense1(x))
            z1 = f * u + (1 - f) * v
            g = self.act(b.dense2(z1))
            z2 = g * u + (1 - g) * v
            h = self.act(b.dense3(z2))
            x = b.alpha * h + (1 - b.alpha) * x
        return self.output(x)


ARCHITECTURES = {"mlp": Mlp, "modified_mlp": ModifiedMlp, "pirate_net": PirateNet}


def bump(x, lo, hi):
    return (x - lo) * (hi - x)


# Hard constraints (config "hardConstraints": true): u = g(x) + d(x) · N(x), per PDE id, as
# src/engine/hard-constraints.ts; columns of x in input order, p = the PDE parameters.
HARD = {
    "poisson1d": lambda c, p: (c[0] * math.sin(p["C"]), bump(c[0], 0, 1)),
    "helmholtz": lambda c, p: helmholtz_coons(c[0], c[1], p),
    "burgers": lambda c, p: (-torch.sin(math.pi * c[1]), c[0] * bump(c[1], -1, 1)),
    "wave": lambda c, p: (torch.sin(math.pi * c[1]) + 0.5 * torch.sin(4 * math.pi * c[1]),
                          c[0] ** 2 * bump(c[1], 0, 1)),
    "klein_gordon": lambda c, p: (c[1] * (torch.cos(5 * math.pi * c[0]) + c[0] ** 3), c[0] ** 2 * bump(c[1], 0, 1)),
    "advection": lambda c, p: (torch.sin(c[1]), c[0]),
    "allen_cahn": lambda c, p: (c[1] ** 2 * torch.cos(math.pi * c[1]), c[0]),
    "kdv": lambda c, p: (torch.cos(math.pi * c[1]), c[0]),
    "ks": lambda c, p: (torch.cos(c[1]) * (1 + torch.sin(c[1])), c[0]),
}


def helmholtz_coons(x, y, p):
    """Coons patch of the edge data X(x)Y(y): g = X̄Y + XȲ − X̄Ȳ, X̄ = x sin a1π, Ȳ = y sin a2π."""
    X, Y = torch.sin(p["a1"] * math.pi * x), torch.sin(p["a2"] * math.pi * y)
    Xl, Yl = x * math.sin(p["a1"] * math.pi), y * math.sin(p["a2"] * math.pi)
    return Xl * Y + X * Yl - Xl * Yl, bump(x, -1, 1) * bump(y, -1, 1)


class Constrained(nn.Module):
    """u = g(x) + d(x) · N(x): the network N wrapped by its PDE's hard constraint. Its tensors
    keep their names (the wrapped module's are registered on this one)."""

    def __init__(self, net, pde, params):
        super().__init__()
        self.__dict__["net"] = net  # not a submodule: state_dict names stay unprefixed
        for name, m in net.named_children():
            self.add_module(name, m)
        for name, prm in net.named_parameters(recurse=False):
            self.register_parameter(name, prm)
        self.transform, self.params = HARD[pde], params

    def forward(self, x):
        g, d = self.transform([x[:, k:k + 1] for k in range(x.shape[1])], self.params)
        return g + d * self.net(x)


def network_spec(config):
    """The network part of an export's config.json (config["export"]["network"])."""
    exp = config.get("export")
    if not exp or "network" not in exp:
        raise ValueError("config has no 'export.network' section: use the config.json of a playground export")
    if exp.get("formatVersion", 0) > FORMAT_VERSION:
        raise ValueError(f"export format {exp['formatVersion']} is newer than this package ({FORMAT_VERSION})")
    return exp["network"]


def build_model(config):
    """torch.nn.Module for an export's config (the dict read from config.json), freshly initialised."""
    spec = network_spec(config)
    if spec["arch"] not in ARCHITECTURES:
        raise ValueError(f"unknown architecture {spec['arch']!r} (known: {', '.join(ARCHITECTURES)})")
    model = ARCHITECTURES[spec["arch"]](spec)
    if config.get("hardConstraints"):
        pde = config["export"]["problem"]["pde"]
        if pde not in HARD:
            raise ValueError(f"hardConstraints: no hard constraint for {pde!r} is ported")
        model = Constrained(model, pde, config["params"])
    names = {n for n, _ in model.state_dict().items()}
    want = {t["name"] for t in spec["tensors"]}
    if names != want:
        raise ValueError(f"rebuilt network's tensors differ from the export's: {sorted(names ^ want)}")
    return model


# --- safetensors (https://github.com/huggingface/safetensors), F32/F64, no dependency ---

DTYPES = {"F32": (torch.float32, 4), "F64": (torch.float64, 8)}


def read_safetensors(path):
    """(tensors by name, metadata dict) from a safetensors file."""
    with open(path, "rb") as f:
        buf = f.read()
    if len(buf) < 8:
        raise ValueError(f"{path}: shorter than the 8-byte header length")
    (n,) = struct.unpack("<Q", buf[:8])
    if n > len(buf) - 8:
        raise ValueError(f"{path}: header length {n} exceeds the file size {len(buf)}")
    header = json.loads(buf[8:8 + n].decode("utf-8"))
    meta = header.pop("__metadata__", {}) or {}
    out = {}
    for name, h in header.items():
        if h["dtype"] not in DTYPES:
            raise ValueError(f"{path}: {name} has dtype {h['dtype']} (supported: F32, F64)")
        dtype, size = DTYPES[h["dtype"]]
        b, e = h["data_offsets"]
        count = math.prod(h["shape"])
        if e - b != size * count or 8 + n + e > len(buf):
            raise ValueError(f"{path}: {name} has inconsistent data offsets")
        raw = bytearray(buf[8 + n + b:8 + n + e])
        t = torch.frombuffer(raw, dtype=dtype) if count else torch.zeros(0, dtype=dtype)
        out[name] = t.reshape(h["shape"]).clone()
    return out, meta


def write_safetensors(path, tensors, metadata=None):
    """Write {name: tensor} as F32 safetensors (what the playground imports), header padded to 8 bytes."""
    header, chunks, offset = {}, [], 0
    if metadata:
        header["__metadata__"] = {k: str(v) for k, v in metadata.items()}
    for name, t in tensors.items():
        data = t.detach().to("cpu", torch.float32).contiguous().numpy().tobytes()
        header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        chunks.append(data)
        offset += len(data)
    raw = json.dumps(header, separators=(",", ":")).encode("utf-8")
    raw += b" " * ((8 - len(raw) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(raw)))
        f.write(raw)
        for c in chunks:
            f.write(c)


def load_weights(model, path):
    """Load an export's weights.safetensors into a build_model() network; names and shapes must match."""
    tensors, _ = read_safetensors(path)
    state = model.state_dict()
    missing = [k for k in state if k not in tensors]
    extra = [k for k in tensors if k not in state]
    wrong = [f"{k} has shape {list(tensors[k].shape)}, expected {list(v.shape)}"
             for k, v in state.items() if k in tensors and tensors[k].shape != v.shape]
    if missing or extra or wrong:
        parts = ([f"missing {', '.join(missing)}"] if missing else []) + \
            ([f"unexpected {', '.join(extra)}"] if extra else []) + wrong
        raise ValueError(f"{path} does not fit this network: {'; '.join(parts)}")
    with torch.no_grad():
        for k, v in state.items():
            v.copy_(tensors[k].to(v.dtype))
    return model


def save_weights(model, path, metadata=None):
    """Write the network's tensors (frozen ones included) as safetensors the playground imports."""
    write_safetensors(path, dict(model.state_dict()), metadata)
`;
