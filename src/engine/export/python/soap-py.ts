/**
 * The generated package's `soap.py`: the playground's SOAP (src/engine/optim/soap.ts) as a
 * torch.optim.Optimizer, step for step the same algorithm — call 1 only initialises the
 * factors and their eigenbases, Adam's m̂ / (√v̂ + eps) in the eigenbasis (so identity bases
 * give exactly Adam), the first moment kept in the original space, decoupled decay on θ
 * before the step, and every `preconditionFrequency` calls one power-iteration + QR refresh
 * with the eigenvalue-order permutation applied to v. Eigen and QR work in float64, as the
 * engine's host solver. Written verbatim into DIR/pytorch/soap.py.
 */
export const soapPy = String.raw`"""SOAP (Vyas et al. 2024, arXiv 2409.11321) as the PINN playground runs it.

The reference (nikhilvyas/SOAP) differs in two small ways, both kept from the playground: it
scales by lr * sqrt(c2) / c1 and adds eps to sqrt(v) (here Adam's m_hat / (sqrt(v_hat) + eps)),
and it decays the weights after the step (here before, as optax.adamw).
"""
import torch


def _eigh_desc(p):
    """Eigenvectors of the symmetric p as columns, eigenvalues descending (float64 inside)."""
    if not torch.isfinite(p).all():
        return torch.eye(p.shape[0], dtype=p.dtype, device=p.device)
    _, vecs = torch.linalg.eigh(p.double())
    return vecs.flip(1).to(p.dtype)


def _refresh(p, q):
    """One power-iteration + QR step from basis q, columns first sorted by the eigenvalue
    estimates diag(q^T p q) descending; returns the new basis and that permutation."""
    if not (torch.isfinite(p).all() and torch.isfinite(q).all()):
        return q, torch.arange(q.shape[1], device=q.device)
    pd, qd = p.double(), q.double()
    pq = pd @ qd
    est = (qd * pq).sum(0)
    perm = torch.argsort(est, descending=True)
    new_q, _ = torch.linalg.qr(pq[:, perm])
    return new_q.to(q.dtype), perm


class SOAP(torch.optim.Optimizer):
    def __init__(self, params, lr, b1=0.9, b2=0.999, eps=1e-8, weightDecay=0.0, shampooBeta=-1.0,
                 preconditionFrequency=10, maxPrecondDim=1024, precondition1d=False, **_ignored):
        defaults = dict(lr=lr, b1=b1, b2=b2, eps=eps, weight_decay=weightDecay, shampoo_beta=shampooBeta,
                        frequency=int(preconditionFrequency), max_dim=int(maxPrecondDim),
                        precondition_1d=bool(precondition1d))
        super().__init__(params, defaults)

    @staticmethod
    def _view(p, group):
        """The [m, n] matrix SOAP preconditions (a 1-D parameter as [n, 1]), or None."""
        if p.dim() == 2:
            return tuple(p.shape)
        if p.dim() == 1 and group["precondition_1d"]:
            return (p.numel(), 1)
        return None

    def _init(self, p, group):
        st = self.state[p]
        st["step"] = 0
        st["mu"] = torch.zeros_like(p)
        st["nu"] = torch.zeros_like(p)
        st["L"] = st["R"] = None
        view = self._view(p, group)
        if view is not None:
            m, n = view
            eye = lambda k: torch.eye(k, dtype=p.dtype, device=p.device)  # noqa: E731
            if m <= group["max_dim"]:
                st["L"], st["QL"] = torch.zeros(m, m, dtype=p.dtype, device=p.device), eye(m)
            if p.dim() == 2 and n <= group["max_dim"]:
                st["R"], st["QR"] = torch.zeros(n, n, dtype=p.dtype, device=p.device), eye(n)
        return st

    @staticmethod
    def _project(x, st):
        if st["L"] is not None:
            x = st["QL"].T @ x
        if st["R"] is not None:
            x = x @ st["QR"]
        return x

    @staticmethod
    def _project_back(x, st):
        if st["L"] is not None:
            x = st["QL"] @ x
        if st["R"] is not None:
            x = x @ st["QR"].T
        return x

    @torch.no_grad()
    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        for group in self.param_groups:
            b1, b2, eps, lr = group["b1"], group["b2"], group["eps"], group["lr"]
            beta = group["shampoo_beta"] if group["shampoo_beta"] >= 0 else b2
            for p in group["params"]:
                if p.grad is None:
                    continue
                st = self.state[p] if self.state[p] else self._init(p, group)
                view = self._view(p, group) or (p.numel(), 1)
                G = p.grad.reshape(view)
                t = st["step"]
                if t > 0:
                    c1, c2 = 1 - b1 ** t, 1 - b2 ** t
                    st["mu"].mul_(b1).add_(p.grad, alpha=1 - b1)
                    st["nu"].mul_(b2).add_(self._project(G, st).square().reshape(p.shape), alpha=1 - b2)
                    direction = (self._project(st["mu"].reshape(view), st) / c1) / (
                        (st["nu"].reshape(view) / c2).sqrt() + eps)
                    update = self._project_back(direction, st).reshape(p.shape)
                    if group["weight_decay"]:
                        update = update + group["weight_decay"] * p
                    p.add_(update, alpha=-lr)
                if st["L"] is not None:
                    st["L"].mul_(beta).add_(G @ G.T, alpha=1 - beta)
                if st["R"] is not None:
                    st["R"].mul_(beta).add_(G.T @ G, alpha=1 - beta)
                if t == 0:
                    if st["L"] is not None:
                        st["QL"] = _eigh_desc(st["L"])
                    if st["R"] is not None:
                        st["QR"] = _eigh_desc(st["R"])
                elif t % group["frequency"] == 0:
                    nu = st["nu"].reshape(view)
                    if st["L"] is not None:
                        st["QL"], perm = _refresh(st["L"], st["QL"])
                        nu = nu[perm, :]
                    if st["R"] is not None:
                        st["QR"], perm = _refresh(st["R"], st["QR"])
                        nu = nu[:, perm]
                    st["nu"] = nu.reshape(p.shape).contiguous()
                st["step"] = t + 1
        return loss
`;
