import { describe, expect, it } from 'vitest';
import { customExamples } from '../../engine/custom/examples';
import { validateCustomSpec, type CustomPdeSpec } from '../../engine/custom/spec';
import { draftFromSpec, type CustomDraft } from './customDraft';
import { checkDraft } from './draftCheck';

const burgers = draftFromSpec(customExamples.burgers);
const errorOf = (d: Partial<CustomDraft>, base = burgers) => checkDraft({ ...base, ...d }).error;

describe('custom PDE draft', () => {
  it('reproduces every template: the editor shows a spec and gives it back', () => {
    for (const [id, spec] of Object.entries(customExamples) as [string, CustomPdeSpec][]) {
      const back = checkDraft(draftFromSpec(spec)).spec;
      expect(back, id).toBeDefined();
      // heat2d's two one-sided y conditions carry the same value, which the editor writes as one.
      const expected =
        id === 'heat2d' ? { ...spec, bcs: [spec.bcs[0], { kind: 'dirichlet', axis: 'y', value: '0' }] } : spec;
      expect(back, id).toEqual(validateCustomSpec(expected));
      expect(draftFromSpec(back!), id).toEqual(draftFromSpec(spec));
    }
  });

  it('reads lists, constant expressions, one-sided and periodic conditions, multi-output values', () => {
    const d: CustomDraft = {
      label: '',
      axes: ' t  x,y',
      domain: { t: ['0', '0.5'], x: ['-pi', '2*pi'] },
      outputs: 'u,v',
      params: ' a = 1/4 ; b=2e-3 ',
      residual: 'u_t - a*u_xx\n\nv_t - b*v_yy + u',
      ic: ['sin(x)', ''],
      icT: [],
      bcs: {
        x: { kind: 'periodic', lo: [], hi: [] },
        y: { kind: 'dirichlet', lo: ['0', ''], hi: ['', 'x'] },
      },
    };
    const spec = checkDraft(d).spec!;
    expect(spec).toEqual({
      axes: ['t', 'x', 'y'],
      domain: { t: [0, 0.5], x: [-Math.PI, 2 * Math.PI], y: [0, 1] },
      outputs: ['u', 'v'],
      params: { a: 0.25, b: 2e-3 },
      residual: ['u_t - a*u_xx', 'v_t - b*v_yy + u'],
      ic: ['sin(x)', null],
      bcs: [
        { kind: 'periodic', axis: 'x' },
        { kind: 'dirichlet', axis: 'y', side: 'lo', value: ['0', null] },
        { kind: 'dirichlet', axis: 'y', side: 'hi', value: [null, 'x'] },
      ],
    });
  });

  it('places a bad residual at its column, on its line', () => {
    expect(errorOf({ residual: 'u_t + u*u_q' })).toEqual({
      key: 'residual',
      message: "derivative u_q: 'q' is not an axis (axes: t, x)",
      where: 'column 11',
      pointer: 'u_t + u*u_q\n          ^',
    });
    const cavity = draftFromSpec(customExamples.cavity);
    const lines = cavity.residual.split('\n');
    expect(
      errorOf({ residual: [lines[0], '', 'u*v_x + v*v_y + p_y - (v_xx + v_yy)/Re +', lines[2]].join('\n') }, cavity),
    ).toMatchObject({
      key: 'residual',
      where: 'line 3, column 41',
      message: "expected an expression after '+', found end of input",
    });
    expect(errorOf({ residual: 'nu*2' })).toMatchObject({
      key: 'residual',
      message: 'does not involve any output (u)',
    });
    expect(errorOf({ residual: ' \n' })).toMatchObject({ key: 'residual', message: 'the residual is empty' });
  });

  it('places errors in parameters, domain, axes, initial and boundary values at their field', () => {
    expect(errorOf({ params: 'nu = 0.01/pq' })).toMatchObject({
      key: 'params',
      where: 'column 11',
      pointer: 'nu = 0.01/pq\n          ^',
    });
    expect(errorOf({ params: 'k = 1, nu 0.3' })).toMatchObject({
      key: 'params',
      message: "'nu 0.3' is not 'name = value'",
      where: 'column 8',
    });
    expect(errorOf({ params: 'nu = 1; nu = 2' })).toMatchObject({ key: 'params', message: "'nu' is given twice" });
    expect(errorOf({ params: 'nu = 1, sin = 2' })).toMatchObject({
      key: 'params',
      where: 'column 9',
      message: expect.stringMatching(/'sin' is reserved/),
    });
    expect(errorOf({ params: 'nu = 1/0' })).toMatchObject({
      key: 'params',
      message: "'1/0' is not a finite number",
      where: 'column 6',
    });
    expect(errorOf({ domain: { t: ['0', '1'], x: ['1', '-1'] } })).toMatchObject({
      key: 'domain.x',
      message: expect.stringMatching(/lo < hi/),
    });
    expect(errorOf({ domain: { t: ['0', 'one'], x: ['-1', '1'] } })).toMatchObject({
      key: 'domain.t',
      where: 'column 1',
      pointer: 'one\n^',
    });
    expect(errorOf({ axes: 't, xy' })).toMatchObject({
      key: 'axes',
      where: 'column 4',
      message: "'xy' is not a single lowercase letter",
    });
    expect(errorOf({ axes: 'x, t' })).toMatchObject({ key: 'axes', message: "time 't' must come first (got x, t)" });
    expect(errorOf({ outputs: 'u, x' })).toMatchObject({
      key: 'outputs',
      where: 'column 4',
      message: "'x' is already used",
    });
    expect(errorOf({ ic: ['-sin(pi*t)'] })).toMatchObject({ key: 'ic.0', where: 'column 9' });
    expect(errorOf({ bcs: { x: { kind: 'dirichlet', lo: ['0'], hi: ['u_x'] } } })).toMatchObject({
      key: 'bc.x.hi.0',
      where: 'column 1',
    });
    expect(errorOf({ bcs: { x: { kind: 'dirichlet', lo: [' '], hi: [''] } } })).toMatchObject({
      key: 'bc.x',
      message: expect.stringMatching(/at least one face/),
    });
    expect(errorOf({ label: 'x'.repeat(81) })).toMatchObject({ key: 'label', message: 'longer than 80 characters' });
  });

  it('never throws, whatever is typed', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = 'tuxyv_0123456789.,;=+-*/^() \n[]{}eπ−pi';
    const text = () =>
      Array.from({ length: Math.floor(rand() * 14) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
    for (let i = 0; i < 400; i++) {
      const d: CustomDraft = {
        ...burgers,
        [(['axes', 'outputs', 'params', 'residual', 'label'] as const)[i % 5]]: text(),
        domain: { t: [text(), '1'], x: ['-1', text()] },
        ic: [text()],
        bcs: { x: { kind: 'dirichlet', lo: [text()], hi: [text()] } },
      };
      expect(() => checkDraft(d)).not.toThrow();
    }
  });
});
