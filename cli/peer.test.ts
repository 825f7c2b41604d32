import { describe, expect, it } from 'vitest';
import { isFairPeer, parsePeerLine, peerFields } from './peer';

const openblas = { msPerStep: 20, blas: 'openblas', threads: 1, torch: '1.13.0' };

describe('the PyTorch peer in the bench', () => {
  it("parses the peer script's last JSON line, BLAS and threads included", () => {
    const out =
      'warming up\n{"impl": "pytorch-cpu-nested-autograd", "torch": "1.13.0", "n": 1024, "width": 64, ' +
      '"depth": 4, "threads": 2, "ms_per_step": 24.4, "loss": 0.5, "blas": "openblas"}\n';
    expect(parsePeerLine(out)).toEqual({ ms_per_step: 24.4, blas: 'openblas', threads: 2, torch: '1.13.0' });
    expect(() => parsePeerLine('{"impl": "x"}')).toThrow(/no timing/);
  });

  it('gives a ratio against a peer on an optimised BLAS with the same threads', () => {
    expect(isFairPeer(openblas)).toBe(true);
    expect(peerFields({ msPerStep: 50, threads: 1 }, openblas)).toEqual({
      peer: 'pytorch-cpu',
      peerBlas: 'openblas',
      peerThreads: 1,
      peerTorch: '1.13.0',
      peerMsPerStep: 20,
      ratio: 2.5,
    });
  });

  it('gives no ratio on the reference BLAS, without a peer, or with other thread counts, and says why', () => {
    const reference = { missing: 'PyTorch runs on the reference BLAS', blas: 'reference', msPerStep: 150 };
    const ref = peerFields({ msPerStep: 50, threads: 1 }, reference);
    expect(ref).not.toHaveProperty('ratio');
    expect(ref).toMatchObject({ peerBlas: 'reference', peerMissing: expect.stringMatching(/reference BLAS/) });
    expect(peerFields({ msPerStep: 50, threads: 1 }, { missing: 'PyTorch is not installed' })).toEqual({
      peer: 'pytorch-cpu',
      peerMissing: 'PyTorch is not installed',
    });
    const twoThreads = peerFields({ msPerStep: 50, threads: 1 }, { ...openblas, threads: 2 });
    expect(twoThreads).not.toHaveProperty('ratio');
    expect(twoThreads.peerMissing).toMatch(/threads differ/);
    expect(isFairPeer({ ...openblas, blas: 'reference' })).toBe(false);
    expect(peerFields({ msPerStep: 50, threads: 1 }, undefined)).toEqual({});
  });
});
