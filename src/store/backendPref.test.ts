import { describe, expect, it } from 'vitest';
import { addressWith, backendList, initialBackendPref, splitHashQuery } from './backendPref';

describe('the backend preference as a page setting', () => {
  it('reads ?backend= before the hash, after it (typed by mistake) or from an old link, in that order', () => {
    expect(initialBackendPref('?backend=wasm', '#pde=burgers&batch=1024')).toBe('wasm');
    expect(initialBackendPref('', '#pde=burgers&batch=1024?backend=wasm')).toBe('wasm');
    expect(initialBackendPref('?backend=cpu', '#pde=burgers&backend=wasm')).toBe('cpu');
    expect(initialBackendPref('', '#pde=burgers&backend=webgl%2Cwasm')).toBe('webgl,wasm');
    expect(initialBackendPref('', '#pde=burgers')).toBe(''); // no storage in Node: automatic
  });

  it('keeps a query typed after the hash out of the experiment', () => {
    const { hash, query } = splitHashQuery('#pde=poisson1d&lbfgs.batch=1024?backend=wasm');
    expect(hash).toBe('pde=poisson1d&lbfgs.batch=1024');
    expect(query.get('backend')).toBe('wasm');
    expect(splitHashQuery('pde=x').hash).toBe('pde=x');
  });

  it('writes the preference into the query and moves a stray query before the hash', () => {
    const loc = { pathname: '/', search: '', hash: '#pde=poisson1d&batch=16?backend=wasm' };
    expect(addressWith('wasm', loc)).toBe('/?backend=wasm#pde=poisson1d&batch=16');
    expect(addressWith('webgl,wasm', { pathname: '/p/', search: '?stream=off', hash: '#a=1' })).toBe(
      '/p/?stream=off&backend=webgl,wasm#a=1',
    );
    expect(addressWith('', { pathname: '/', search: '?backend=wasm', hash: '' })).toBe('/');
    expect(backendList('')).toBeUndefined();
    expect(backendList('webgl, wasm')).toEqual(['webgl', 'wasm']);
  });
});
