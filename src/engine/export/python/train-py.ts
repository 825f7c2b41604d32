/**
 * The generated package's `train.py`: --check against the playground, training (DDP under
 * torchrun), metrics.csv and safetensors the playground imports.
 * Written verbatim into DIR/pytorch/train.py (Python 3, PyTorch 1.13 or newer).
 */
export const trainPy = String.raw`"""Continue a playground experiment in PyTorch.

  python3 train.py [--steps N] [--batch B] [--device cpu|cuda] [--check]
  torchrun --nproc_per_node=K train.py [--steps N] ...

Reads the export this folder came with (../config.json, ../weights.safetensors,
../predictions.json, ../check.json; --export DIR for another), trains with the playground's
losses, schedule and balancing, and writes run/weights.safetensors (importable by the
playground: "npm run train -- --config DIR/config.json --init-weights FILE", or the UI's
Import) and run/metrics.csv. Under torchrun every rank draws its own points (seed + rank)
and DistributedDataParallel averages the gradients (gloo on CPU, nccl on CUDA); rank 0 logs
and saves. Exit codes: 0 ok, 1 --check failed, 2 bad input, 3 diverged (last good weights saved).
"""
import argparse
import json
import math
import os
import sys
import time
from pathlib import Path

import torch
import torch.distributed as dist

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pinn import FORMAT_VERSION, build_model, load_weights, save_weights  # noqa: E402
from problem import Problem, learning_rate, rebalance, term_gradient_stats  # noqa: E402

PORTED = ("adam", "adamw", "sgd")


def parse():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--steps", type=int, default=None, help="steps to train (default: the config's)")
    ap.add_argument("--batch", type=int, default=None, help="points per loss term per rank (default: the config's)")
    ap.add_argument("--device", choices=["cpu", "cuda"], default="cpu")
    ap.add_argument("--dtype", choices=["float32", "float64"], default="float32")
    ap.add_argument("--check", action="store_true", help="compare with the playground's numbers, then exit")
    ap.add_argument("--export", type=Path, default=Path(__file__).resolve().parent.parent, help="the export folder")
    ap.add_argument("--out", type=Path, default=None, help="where to write weights and metrics (default: ./run here)")
    ap.add_argument("--seed", type=int, default=None, help="sampling seed (default: the config's); rank r: seed + r")
    ap.add_argument("--log-every", type=int, default=None)
    ap.add_argument("--threads", type=int, default=None, help="torch intra-op threads per process")
    ap.add_argument("--fresh", action="store_true", help="start from new random weights instead of the exported ones")
    return ap.parse_args()


def fail(msg, code=2):
    print(f"error: {msg}", file=sys.stderr)
    sys.exit(code)


def read_json(path):
    try:
        return json.loads(path.read_text())
    except OSError as e:
        fail(f"cannot read {path} ({e.strerror})")
    except json.JSONDecodeError as e:
        fail(f"{path} is not valid JSON ({e})")


def evaluate(problem, model, preds, dtype, device):
    """Relative L2 error on the export's evaluation grid (None without a reference)."""
    obs = preds.get("observables")
    ref = obs["reference"] if obs else preds.get("reference")
    if ref is None:
        return None
    pts = torch.tensor(preds["points"], dtype=dtype, device=device)
    parts = [problem.observables(model, pts[s:s + 8192]).detach() for s in range(0, len(pts), 8192)]
    pred = torch.cat(parts).to(torch.float64)
    ref = torch.tensor(ref, dtype=torch.float64, device=device)
    return (torch.linalg.norm(pred - ref) / torch.linalg.norm(ref)).item()


def fixed_batches(fixed, terms, dtype, device):
    """check.json's fixed batch as {term: (points [n, d], aux [n, k])}."""
    return {t: (torch.tensor(fixed["terms"][t]["points"], dtype=dtype, device=device),
                torch.tensor(fixed["terms"][t]["aux"], dtype=dtype, device=device)) for t in terms}


def mark(ok):
    return "ok" if ok else "FAIL"


def check(config, problem, export, device):
    """Exit 0 when the rebuilt model reproduces the playground (predictions to 1e-5 of max|u|,
    each loss term on the exported fixed batch to 1e-4 relative), else 1."""
    dtype = torch.float64
    model = load_weights(build_model(config), export / "weights.safetensors").to(device, dtype)
    preds = read_json(export / "predictions.json")
    batch = read_json(export / "check.json")
    ok = True
    x = torch.tensor(preds["points"], dtype=dtype, device=device)
    with torch.no_grad():
        y = torch.cat([model(x[s:s + 8192]) for s in range(0, len(x), 8192)])
    want = torch.tensor(preds["prediction"], dtype=dtype, device=device)
    err = ((y - want).abs().max() / want.abs().max().clamp_min(1e-30)).item()
    ok &= err <= 1e-5
    print(f"predictions: {len(x)} points, max |Δu| / max |u| = {err:.2e} (limit 1e-5) {mark(err <= 1e-5)}")
    batches = fixed_batches(batch, problem.terms, dtype, device)
    for t, (X, A) in batches.items():
        if A.shape[1]:
            aerr = ((problem.aux(t, X) - A).abs().max() / A.abs().max().clamp_min(1e-30)).item()
            ok &= aerr <= 1e-4
            print(f"aux {t}: ported targets vs exported, max rel {aerr:.2e} (limit 1e-4) {mark(aerr <= 1e-4)}")
    losses, _ = problem.losses(model, batches)
    for t, v in zip(problem.terms, losses.tolist()):
        ref = batch["losses"][t]
        rel = abs(v - ref) / max(abs(ref), 1e-30)
        ok &= rel <= 1e-4
        print(f"loss {t}: playground {ref:.6e}  torch {v:.6e}  rel {rel:.2e} (limit 1e-4) {mark(rel <= 1e-4)}")
    rel_l2 = evaluate(problem, model, preds, dtype, device)
    if rel_l2 is not None:
        print(f"relL2: playground {preds['relL2']:.6e}  torch {rel_l2:.6e}")
    print("check passed" if ok else "check FAILED")
    return 0 if ok else 1


def optimizer_for(config, params, rank):
    opt, o, lr = config["optimizer"], config["optimizerOptions"], config["lr"]
    if opt == "adamw":
        return torch.optim.AdamW(params, lr, betas=(o["b1"], o["b2"]), eps=o["eps"], weight_decay=o["weightDecay"])
    if opt == "sgd":
        return torch.optim.SGD(params, lr, momentum=o["momentum"], nesterov=bool(o["nesterov"]) and o["momentum"] > 0)
    if opt == "soap":
        from soap import SOAP
        if rank == 0:
            print("note: SOAP starts from fresh moments and factors (its first step only initialises them; "
                  "only Adam's state carries over from state.json)", file=sys.stderr)
        return SOAP(params, lr, **o)
    if opt != "adam" and rank == 0:
        print(f"note: the {opt} optimizer is not ported to PyTorch; this script trains with Adam "
              f"(b1 0.9, b2 0.999, eps 1e-8) at the same learning rate and schedule", file=sys.stderr)
    if opt == "adam":
        return torch.optim.Adam(params, lr, betas=(o["b1"], o["b2"]), eps=o["eps"])
    return torch.optim.Adam(params, lr)


def load_adam_state(opt, model, export):
    """Adam's moments and step count from ../state.json (the CLI's --out writes it), so PyTorch
    continues the playground's optimizer instead of restarting from zero moments."""
    path = export / "state.json"
    if not path.exists():
        return None
    s = read_json(path)
    if s.get("optimizerId") not in ("adam", "adamw"):
        return None
    adam, params = s["optimizer"][0], dict(model.named_parameters())
    for i, w in enumerate(s["weights"]):
        p = params[w["name"]]
        as_p = lambda h: torch.tensor(h["data"], dtype=p.dtype, device=p.device).reshape(p.shape)  # noqa: E731
        opt.state[p] = {"step": torch.tensor(float(adam["count"]["data"][0])),
                        "exp_avg": as_p(adam["mu"][i]), "exp_avg_sq": as_p(adam["nu"][i])}
    return int(adam["count"]["data"][0])


def reduce_mean(t, world):
    if world > 1:
        dist.all_reduce(t)
        t /= world
    return t


def train(args, config, problem, export):
    world = int(os.environ.get("WORLD_SIZE", "1"))
    rank = int(os.environ.get("RANK", "0"))
    local = int(os.environ.get("LOCAL_RANK", "0"))
    if args.device == "cuda" and not torch.cuda.is_available():
        fail("--device cuda: CUDA is not available here (torch.cuda.is_available() is False)")
    device = torch.device(f"cuda:{local}" if args.device == "cuda" else "cpu")
    if world > 1:
        dist.init_process_group("nccl" if args.device == "cuda" else "gloo")
    dtype = getattr(torch, args.dtype)
    steps = config["steps"] if args.steps is None else args.steps
    batch = config["batch"] if args.batch is None else args.batch
    sizes = config.get("termBatch", {}) if args.batch is None else {}  # --batch sizes every term
    if steps < 0 or batch < 1:
        fail(f"--steps must be ≥ 0 and --batch ≥ 1 (got {steps}, {batch})")
    log_every = args.log_every or max(1, steps // 20)
    model = build_model(config)
    if not args.fresh:
        load_weights(model, export / "weights.safetensors")
    model = model.to(device, dtype)
    net = model
    if world > 1:
        net = torch.nn.parallel.DistributedDataParallel(model, device_ids=[local] if args.device == "cuda" else None)
    seed = (config["seed"] if args.seed is None else args.seed) + rank
    gen = torch.Generator().manual_seed(seed)
    fixed = read_json(export / "check.json")
    start = 0 if args.fresh else fixed["step"]
    base = [config["lossWeights"].get(t, 1.0) for t in problem.terms]
    weights = [fixed["weights"][t] for t in problem.terms] if not args.fresh else list(base)
    opt = optimizer_for(config, [p for p in model.parameters() if p.requires_grad], rank)
    resumed = None if args.fresh else load_adam_state(opt, model, export)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: learning_rate(1.0, config["schedule"], start + s))
    bal = config["balancing"]
    if bal["method"] not in ("fixed", "annealing", "gradnorm"):
        if rank == 0:
            print(f"note: {bal['method']} balancing is not ported; the weights stay {weights}", file=sys.stderr)
        bal = {**bal, "method": "fixed"}
    if config.get("sampling", {}).get("method", "uniform") != "uniform" and rank == 0:
        print(f"note: {config['sampling']['method']} adaptive sampling is not ported; points are drawn uniformly",
              file=sys.stderr)
    probe = torch.Generator().manual_seed(seed + 7919 * world)

    def fixed_loss(causal=True):
        ls, _ = problem.losses(model, fixed_batches(fixed, problem.terms, dtype, device), causal)
        return sum(w * v for w, v in zip(weights, ls.tolist()))

    # causal weights rise as early times resolve, so the causal loss need not fall: report both
    before, plain_before = fixed_loss(), fixed_loss(False)
    rows, good = [], {k: v.detach().clone() for k, v in model.state_dict().items()}
    if rank == 0:
        print(f"{problem.id} · {config['arch']} · {sum(p.numel() for p in model.parameters())} params · "
              f"batch {batch}/term/rank × {world} rank(s) · {args.device} {args.dtype} · from step {start}"
              + (f" · Adam moments of step {resumed} from state.json" if resumed is not None else ""))
    t0, timed, diverged = time.perf_counter(), 0.0, None
    for i in range(steps):
        ts = time.perf_counter()
        batches = {t: (x.to(device), a.to(device)) for t, (x, a) in problem.batch(batch, gen, dtype, sizes).items()}
        losses, _ = problem.losses(net, batches)
        total = sum(w * l for w, l in zip(weights, losses))
        opt.zero_grad(set_to_none=True)
        total.backward()
        lr = opt.param_groups[0]["lr"]
        opt.step()
        sched.step()
        timed += time.perf_counter() - ts
        step = start + i + 1
        if bal["method"] != "fixed" and step % bal["every"] == 0:
            pb = {t: (x.to(device), a.to(device)) for t, (x, a) in problem.batch(batch, probe, dtype).items()}
            stats = [reduce_mean(s.detach(), world) for s in term_gradient_stats(model, problem, pb)]
            weights = rebalance(weights, stats, problem, bal, base)
        if (i + 1) % log_every == 0 or i + 1 == steps:
            ls = reduce_mean(losses.detach().clone(), world)
            if not torch.isfinite(ls).all():
                diverged = step
                model.load_state_dict(good)
                break
            good = {k: v.detach().clone() for k, v in model.state_dict().items()}
            row = {"step": step, "loss": sum(w * v for w, v in zip(weights, ls.tolist())), "lr": lr,
                   "msPerStep": 1000 * timed / (i + 1)}
            row.update({f"loss.{t}": v for t, v in zip(problem.terms, ls.tolist())})
            row.update({f"weight.{t}": w for t, w in zip(problem.terms, weights)})
            rows.append(row)
            if rank == 0:
                terms = "  ".join(f"{t} {v:.3e}" for t, v in zip(problem.terms, ls.tolist()))
                print(f"step {step}  loss {row['loss']:.3e}  {terms}  lr {lr:.2e}  {row['msPerStep']:.1f} ms/step")
    wall = time.perf_counter() - t0
    result = {"steps": len(rows) and rows[-1]["step"] - start, "world": world, "batch": batch,
              "lossBefore": before, "lossAfter": fixed_loss(), "plainLossBefore": plain_before,
              "plainLossAfter": fixed_loss(False), "msPerStep": 1000 * timed / max(1, steps),
              "wallS": wall, "device": args.device, "dtype": args.dtype}
    if rank == 0:
        out = args.out or Path(__file__).resolve().parent / "run"
        out.mkdir(parents=True, exist_ok=True)
        rel = evaluate(problem, model, read_json(export / "predictions.json"), dtype, device)
        result["relL2"] = rel
        if rows:
            rows[-1]["relL2"] = math.nan if rel is None else rel
        write_metrics(out / "metrics.csv", rows, problem.terms)
        bare = {k: v for k, v in config.items() if k != "export"}
        meta = {"format": "pinn-playground", "format_version": FORMAT_VERSION, "source": "pytorch",
                "step": start + result["steps"], "config": json.dumps(bare)}
        save_weights(model, out / "weights.safetensors", meta)
        print(f"wrote {out / 'weights.safetensors'} and metrics.csv"
              + (f"; relL2 {rel:.6e}" if rel is not None else ""))
        if diverged:
            print(f"error: training diverged at step {diverged}; saved the last good weights", file=sys.stderr)
        print(json.dumps(result))
    if world > 1:
        dist.destroy_process_group()
    return 3 if diverged else 0


def write_metrics(path, rows, terms):
    """metrics.csv with the playground's fixed leading columns: step,loss,lr,relL2,msPerStep,loss.*,weight.*."""
    cols = ["step", "loss", "lr", "relL2", "msPerStep"] + [f"loss.{t}" for t in terms] + [f"weight.{t}" for t in terms]
    fmt = lambda v: "" if v is None or (isinstance(v, float) and math.isnan(v)) else repr(v)  # noqa: E731
    lines = [",".join(cols)] + [",".join(fmt(r.get(c)) for c in cols) for r in rows]
    path.write_text("\n".join(lines) + "\n")


def main():
    args = parse()
    if args.threads:
        torch.set_num_threads(args.threads)
    config = read_json(args.export / "config.json")
    try:
        problem = Problem(config)
        build_model(config)
    except (ValueError, KeyError) as e:
        fail(str(e))
    if args.check:
        return check(config, problem, args.export, torch.device("cuda" if args.device == "cuda" else "cpu"))
    return train(args, config, problem, args.export)


if __name__ == "__main__":
    sys.exit(main())
`;
