/**
 * The generated package's README.md: what the folder holds and the three commands (check,
 * train, train on K processes), with the paths of an export made by `--out DIR` or the UI.
 */
export const packageReadme = `# PyTorch package of a PINN Playground export

This folder lives inside an export (\`npm run train -- --out DIR\` writes \`DIR/pytorch/\`; the
playground's Export menu gives the same as a .zip). It needs Python 3 and PyTorch (≥ 1.13),
nothing else: the safetensors reader/writer is included.

- \`pinn.py\`: \`build_model(config)\` (config = the dict in \`../config.json\`) and
  \`load_weights(model, "../weights.safetensors")\`; the module maps inputs [N, d] (columns in
  the order of \`predictions.json\`'s \`axes\`) to [N, outputs] (its \`outputs\`), in float32 or
  float64 (\`model.double()\`).
- \`problem.py\`: the PDE's residuals via torch.autograd, its initial/boundary terms, sampling,
  causal weighting, loss balancing and the learning-rate schedule.
- \`train.py\`: the commands below.

## Commands

    python3 train.py --check                      # reproduce the playground's predictions and losses
    python3 train.py --steps 1000 --batch 1024 [--device cuda]   # continue training
    torchrun --nproc_per_node=4 train.py --steps 100000 --batch 8192 --device cuda

\`--check\` exits 1 unless the predictions on \`../predictions.json\`'s points agree to 1e-5 of
max |u| and each loss term on \`../check.json\`'s fixed batch to 1e-4 relative. Training writes
\`run/weights.safetensors\` and \`run/metrics.csv\` (rank 0 only under torchrun; each rank draws
its own points from seed + rank, DistributedDataParallel averages the gradients, gloo on CPU,
nccl on CUDA). Load the weights back into the playground with
\`npm run train -- --config ../config.json --init-weights run/weights.safetensors\` or the UI's
Import button. Adam, AdamW, SGD and SOAP (\`soap.py\`, the playground's algorithm step for
step) are ported (Adam and AdamW continue from the moments in \`../state.json\`; SOAP starts
fresh); Muon, Newton and the PDE-aware optimizer are not (the script says so and trains with
Adam). Typed (custom) PDEs are not ported.
`;
