import { describe, expect, it } from 'vitest';
import { ntkFigure, ntkRows, spectrumOf } from './ntkFigure';

const row = (step: number, res: number[], bc: number[]) => ({
  step,
  loss: 1,
  ...Object.fromEntries(res.map((v, k) => [`ntk.res.eig.${k}`, v])),
  ...Object.fromEntries(bc.map((v, k) => [`ntk.bc.eig.${k}`, v])),
});

describe('NTK spectrum figure', () => {
  it('reads each term’s eigenvalues from the rows and draws the first and newest readings', () => {
    const rows = [
      { step: 5, loss: 2 },
      row(10, [900, 40, 2], [3, 0.5, -1e-9]),
      { step: 15, loss: 1 },
      row(20, [800, 30, 1], [5, 1, 0.1]),
    ];
    expect(spectrumOf(rows[1], 'res')).toEqual([900, 40, 2]);
    expect(spectrumOf(rows[0], 'res')).toEqual([]);
    expect(ntkRows(rows, ['res', 'bc']).map((r) => r.step)).toEqual([10, 20]);
    const f = ntkFigure(rows, ['res', 'bc'], '', ['red', 'blue'])!;
    expect(f.data.map((d) => d.name)).toEqual([
      'K_res · step 10',
      'K_bc · step 10',
      'K_res · step 20',
      'K_bc · step 20',
    ]);
    const bc10 = f.data[1] as { x: number[]; y: (number | null)[]; line: { dash: string } };
    expect(bc10.x).toEqual([1, 2, 3]);
    expect(bc10.y).toEqual([3, 0.5, null]); // a round-off eigenvalue ≤ 0 stays off the log axis
    expect(bc10.line.dash).toBe('dot');
    expect((f.data[1] as { line: { color: string } }).line.color).toBe('blue');
    expect((f.data[3] as { line: { dash: string } }).line.dash).toBe('solid');
  });
  it('is null without NTK readings', () => {
    expect(ntkFigure([{ step: 1, loss: 1 }], ['res'], '', ['red'])).toBeNull();
  });
});
