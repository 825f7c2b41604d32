/**
 * The generated package's `problem.py`: every built-in PDE's residuals (torch.autograd),
 * initial/boundary targets, sampling, causal weighting, loss balancing and the lr schedule.
 * Written verbatim into DIR/pytorch/problem.py (Python 3, PyTorch 1.13 or newer).
 */
export const problemPy = String.raw`"""The playground's problems in PyTorch.

Domain, sampling, residuals via torch.autograd, the initial/boundary terms, causal
weighting, loss balancing and the learning-rate schedule,
as the playground's engine defines them (config.json's "export.problem" gives the domain,
the terms' regions and the parameters; the formulas are ported per PDE id below).
"""
import math

import torch


class Fields:
    """Outputs y = model(x) [N, k] and their input derivatives by name ('t', 'xx', 'xy', …),
    computed with torch.autograd.grad (create_graph, so losses stay differentiable)."""

    def __init__(self, x, y, axes):
        self.x, self.y, self.axes, self.cache = x, y, axes, {}

    def u(self, k):
        return self.y[:, k:k + 1]

    def d(self, k, name):
        if name == "":
            return self.u(k)
        key = (k, name)
        if key not in self.cache:
            base = self.d(k, name[:-1])
            g = torch.autograd.grad(base.sum(), self.x, create_graph=True)[0]
            for i, a in enumerate(self.axes):
                self.cache[(k, name[:-1] + a)] = g[:, i:i + 1]
        return self.cache[key]


pi = math.pi


def momentum(u, v, ux, uy, vx, vy, px, py, lap_u, lap_v, re):
    """x- and y-momentum residuals of steady incompressible Navier–Stokes."""
    return u * ux + v * uy + px - lap_u / re, u * vx + v * vy + py - lap_v / re


def ldc_vp(F, p):
    d = F.d
    return momentum(F.u(0), F.u(1), d(0, "x"), d(0, "y"), d(1, "x"), d(1, "y"), d(2, "x"), d(2, "y"),
                    d(0, "xx") + d(0, "yy"), d(1, "xx") + d(1, "yy"), p["Re"])


def ldc_stream(F, p):
    d = F.d
    return momentum(d(0, "y"), -d(0, "x"), d(0, "xy"), d(0, "yy"), -d(0, "xx"), -d(0, "xy"), d(1, "x"), d(1, "y"),
                    d(0, "xxy") + d(0, "yyy"), -(d(0, "xxx") + d(0, "xyy")), p["Re"])


def lid(X, p):
    """The lid's (u, v) target: (1, 0) on y = 1, (0, 0) on the other walls."""
    g = (X[:, 1:2] == 1).to(X.dtype)
    return torch.cat([g, torch.zeros_like(g)], 1)


def col(f):
    """An aux function of the points X [N, d] (float64) returning one column [N, 1]."""
    return lambda X, p: f(*[X[:, i:i + 1] for i in range(X.shape[1])], p)


def helm_u(x, y, p):
    return torch.sin(p["a1"] * pi * x) * torch.sin(p["a2"] * pi * y)


def kg_u(t, x, p):
    return x * torch.cos(5 * pi * t) + (x * t) ** 3


def kg_src(t, x, p):
    utt = -25 * pi ** 2 * x * torch.cos(5 * pi * t) + 6 * x ** 3 * t
    return utt - 6 * x * t ** 3 + p["gamma"] * kg_u(t, x, p) ** 3


def ic_value(F, a, p):
    return F.u(0) - a[:, 0:1]


def value(F, a, p):
    return F.u(0)


# Per PDE id and loss term: (residual(F, aux, params), aux(X, params) or None).
# aux values are computed from the float64 points; residual columns are [N, 1] (or [N, 2]).
PDES = {
    "poisson1d": {
        "res": (lambda F, a, p: F.d(0, "xx") - a[:, 0:1], col(lambda x, p: -p["C"] ** 2 * torch.sin(p["C"] * x))),
        "bc": (ic_value, col(lambda x, p: torch.sin(p["C"] * x))),
    },
    "helmholtz": {
        "res": (lambda F, a, p: F.d(0, "xx") + F.d(0, "yy") + p["k"] ** 2 * F.u(0) - a[:, 0:1],
                col(lambda x, y, p: (p["k"] ** 2 - (p["a1"] * pi) ** 2 - (p["a2"] * pi) ** 2) * helm_u(x, y, p))),
        "bc": (ic_value, col(helm_u)),
    },
    "klein_gordon": {
        "res": (lambda F, a, p: F.d(0, "tt") - F.d(0, "xx") + p["gamma"] * F.u(0) ** 3 - a[:, 0:1], col(kg_src)),
        "ic": (ic_value, col(kg_u)),
        "ic_t": (lambda F, a, p: F.d(0, "t"), None),
        "bc": (ic_value, col(kg_u)),
    },
    "wave": {
        "res": (lambda F, a, p: F.d(0, "tt") - p["c"] ** 2 * F.d(0, "xx"), None),
        "ic": (ic_value, col(lambda t, x, p: torch.sin(pi * x) + 0.5 * torch.sin(4 * pi * x))),
        "ic_t": (lambda F, a, p: F.d(0, "t"), None),
        "bc": (value, None),
    },
    "advection": {
        "res": (lambda F, a, p: F.d(0, "t") + p["beta"] * F.d(0, "x"), None),
        "ic": (ic_value, col(lambda t, x, p: torch.sin(x))),
    },
    "ldc": {
        "res_u": (lambda F, a, p: ldc_vp(F, p)[0], None),
        "res_v": (lambda F, a, p: ldc_vp(F, p)[1], None),
        "res_c": (lambda F, a, p: F.d(0, "x") + F.d(1, "y"), None),
        "bc": (lambda F, a, p: torch.cat([F.u(0) - a[:, 0:1], F.u(1)], 1), lid),
    },
    "ldc_stream": {
        "res_u": (lambda F, a, p: ldc_stream(F, p)[0], None),
        "res_v": (lambda F, a, p: ldc_stream(F, p)[1], None),
        "bc": (lambda F, a, p: torch.cat([F.d(0, "y") - a[:, 0:1], F.d(0, "x")], 1), lid),
    },
    "burgers": {
        "res": (lambda F, a, p: F.d(0, "t") + F.u(0) * F.d(0, "x") - p["nu"] * F.d(0, "xx"), None),
        "ic": (ic_value, col(lambda t, x, p: -torch.sin(pi * x))),
        "bc": (value, None),
    },
    "allen_cahn": {
        "res": (lambda F, a, p: F.d(0, "t") - p["eps"] * F.d(0, "xx") + p["kappa"] * (F.u(0) ** 3 - F.u(0)), None),
        "ic": (ic_value, col(lambda t, x, p: x * x * torch.cos(pi * x))),
    },
    "kdv": {
        "res": (lambda F, a, p: F.d(0, "t") + F.u(0) * F.d(0, "x") + p["delta"] ** 2 * F.d(0, "xxx"), None),
        "ic": (ic_value, col(lambda t, x, p: torch.cos(pi * x))),
    },
    "ks": {
        "res": (lambda F, a, p: F.d(0, "t") + p["alpha"] * F.u(0) * F.d(0, "x") + p["beta"] * F.d(0, "xx")
                + p["gamma"] * F.d(0, "xxxx"), None),
        "ic": (ic_value, col(lambda t, x, p: torch.cos(x) * (1 + torch.sin(x)))),
    },
}

# What the relative L2 error compares when it is not the outputs themselves.
OBSERVABLES = {
    "ldc": lambda F: torch.cat([F.u(0), F.u(1)], 1),
    "ldc_stream": lambda F: torch.cat([F.d(0, "y"), -F.d(0, "x")], 1),
}


class Problem:
    """An export's problem: spec = config["export"]["problem"], plus the causal config."""

    def __init__(self, config):
        spec = config["export"]["problem"]
        if spec["pde"] not in PDES:
            raise ValueError(f"PDE {spec['pde']!r} is not ported to PyTorch (ported: {', '.join(PDES)}); "
                             "typed (custom) PDEs are not exported yet")
        self.spec, self.id, self.axes = spec, spec["pde"], spec["axes"]
        self.params = spec["params"]
        self.terms = list(spec["terms"])
        missing = [t for t in self.terms if t not in PDES[self.id]]
        if missing:
            raise ValueError(f"{self.id}: terms {missing} are not ported")
        causal = config.get("causal", {})
        self.causal = causal if causal.get("enabled") else None

    def sample(self, term, n, gen):
        """n points of a term's region (float64 [n, d]): uniform in the box; a boundary face
        chosen uniformly among 2·|axes| faces; or a slice with some axes fixed."""
        region = self.spec["terms"][term]["region"]
        lo = torch.tensor([self.spec["domain"][a][0] for a in self.axes], dtype=torch.float64)
        hi = torch.tensor([self.spec["domain"][a][1] for a in self.axes], dtype=torch.float64)
        X = lo + (hi - lo) * torch.rand(n, len(self.axes), generator=gen, dtype=torch.float64)
        if region["kind"] == "boundary":
            faces = torch.randint(0, 2 * len(region["axes"]), (n,), generator=gen)
            for f in range(2 * len(region["axes"])):
                a = region["axes"][f >> 1]
                X[faces == f, self.axes.index(a)] = self.spec["domain"][a][f & 1]
        elif region["kind"] == "slice":
            for a, v in region["fixed"].items():
                X[:, self.axes.index(a)] = v
        return X

    def aux(self, term, X):
        f = PDES[self.id][term][1]
        return f(X, self.params) if f else torch.zeros(X.shape[0], 0, dtype=X.dtype)

    def batch(self, n, gen, dtype, sizes=None):
        """A fresh batch per term: {term: (points, aux)} in dtype; "sizes" overrides n per term."""
        out = {}
        for t in self.terms:
            X = self.sample(t, (sizes or {}).get(t, n), gen)
            out[t] = (X.to(dtype), self.aux(t, X).to(dtype))
        return out

    def residual(self, term, F, aux):
        return PDES[self.id][term][0](F, aux, self.params)

    def losses(self, model, batches, causal=True):
        """Unweighted per-term losses [n_terms] (mean r², causal for "res" when configured),
        with one forward pass over every term's points (so DDP sees one forward per step),
        and the causal weights of "res" (or None); causal=False gives plain mean r² throughout."""
        xs = [batches[t][0] for t in self.terms]
        x = torch.cat(xs, 0).detach().requires_grad_(True)
        F = Fields(x, model(x), self.axes)
        out, w, start = [], None, 0
        for t, xt in zip(self.terms, xs):
            n = xt.shape[0]
            sub = SliceFields(F, start, start + n)
            r = self.residual(t, sub, batches[t][1])
            start += n
            if causal and self.causal and t == "res":
                loss, w = causal_loss(r, xt[:, 0], self.causal)
                out.append(loss)
            else:
                out.append((r ** 2).mean())
        return torch.stack(out), w

    def observables(self, model, x):
        """The compared quantities at x (outputs, or the cavity's velocity)."""
        if self.id not in OBSERVABLES:
            return model(x)
        x = x.detach().requires_grad_(True)
        return OBSERVABLES[self.id](Fields(x, model(x), self.axes)).detach()


class SliceFields:
    """The rows [a, b) of a Fields (derivatives of a sum over all rows are per-row exact)."""

    def __init__(self, F, a, b):
        self.F, self.a, self.b = F, a, b

    def u(self, k):
        return self.F.u(k)[self.a:self.b]

    def d(self, k, name):
        return self.F.d(k, name)[self.a:self.b]


def causal_loss(r, t, causal):
    """Causal weighting (Wang, Sankaran, Perdikaris 2024): points ranked by t (stable) and cut
    into M = min(chunks, N) groups of equal size; L_i = mean r² over chunk i (over every
    residual column); w_i = exp(−ε Σ_{j<i} L_j) without gradient; loss = mean_i w_i L_i."""
    n = r.shape[0]
    m = min(int(causal["chunks"]), n)
    order = torch.sort(t.detach(), stable=True).indices
    chunk = torch.empty(n, dtype=torch.long, device=r.device)
    chunk[order] = (torch.arange(n, device=r.device) * m) // n
    sq = (r ** 2).mean(1) if r.dim() > 1 else r ** 2
    L = torch.zeros(m, dtype=r.dtype, device=r.device).index_add(0, chunk, sq)
    L = L / torch.bincount(chunk, minlength=m).to(r.dtype)
    w = torch.exp(-causal["eps"] * (torch.cumsum(L.detach(), 0) - L.detach()))
    return (w * L).mean(), w


def learning_rate(lr, s, step):
    """η(step), step from 0: linear warmup, then exponential and/or cosine decay (optax)."""
    if s["warmupSteps"] > 0 and step < s["warmupSteps"]:
        return lr * (step + 1) / s["warmupSteps"]
    k = step - s["warmupSteps"]
    cos = 0.5 * (1 + math.cos(math.pi * min(k, s["cosineSteps"]) / s["cosineSteps"])) if s["cosineSteps"] > 0 else 1
    alpha = s.get("cosineAlpha", 0) if s["cosineSteps"] > 0 else 0
    cos = (1 - alpha) * cos + alpha
    return lr * s["decayRate"] ** (k / s["decaySteps"]) * cos


def term_gradient_stats(model, problem, batches):
    """Per term: ‖∇L_t‖ over all parameters, and over weight matrices (rank ≥ 2) the mean over
    layers of mean |∂L_t/∂W| and the max over layers of max |∂L_t/∂W| (annealing's statistics)."""
    params = [p for p in model.parameters() if p.requires_grad]
    norms, means, maxs = [], [], []
    losses, _ = problem.losses(model, batches)
    for i in range(len(problem.terms)):
        gs = torch.autograd.grad(losses[i], params, retain_graph=True, allow_unused=True)
        gs = [torch.zeros_like(p) if g is None else g for p, g in zip(params, gs)]
        ws = [g.abs() for p, g in zip(params, gs) if p.dim() >= 2]
        norms.append(torch.sqrt(sum((g ** 2).sum() for g in gs)))
        means.append(torch.stack([a.mean() for a in ws]).mean())
        maxs.append(torch.stack([a.max() for a in ws]).max())
    return torch.stack(norms), torch.stack(means), torch.stack(maxs)


def rebalance(weights, stats, problem, balancing, base):
    """Learning-rate annealing (Wang, Teng, Perdikaris 2021, Alg. 1, as in its code: the weight
    is base · λ with λ̂ = max|∇L_res| / mean|∇(weight · L)|) or grad-norm weighting (jaxpi),
    λ ← (1 − α) λ + α λ̂; the residual term ("res", else the first "res*") keeps its base."""
    norm, mean_abs, max_abs = (s.tolist() for s in stats)
    a = balancing["alpha"]
    names = problem.terms
    res = next((i for i, t in enumerate(names) if t == "res" or t.startswith("res")), 0)
    if balancing["method"] == "annealing":
        return [base[i] if i == res else (1 - a) * w + a * base[i] * max_abs[res] / max(w * mean_abs[i], 1e-30)
                for i, w in enumerate(weights)]
    mean = sum(norm) / len(norm)  # jaxpi's grad_norm: the mean of the term-gradient norms
    return [(1 - a) * w + a * mean / max(norm[i], 1e-30) for i, w in enumerate(weights)]
`;
