import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crc32, zip } from './zip';

describe('zip', () => {
  it('computes the standard CRC-32 check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
  it("writes an archive Python's zipfile reads back byte for byte (CRCs verified)", () => {
    const bin = Uint8Array.from({ length: 1000 }, (_, i) => (i * 37) & 0xff);
    const bytes = zip(
      [
        { path: 'config.json', data: '{"pde": "ks"}\n' },
        { path: 'pytorch/train.py', data: 'print("Kuramoto–Sivashinsky")\n' },
        { path: 'weights.safetensors', data: bin },
      ],
      new Date(2026, 11, 2, 1, 30, 0),
    );
    const dir = mkdtempSync(join(tmpdir(), 'zip-'));
    const file = join(dir, 'a.zip');
    writeFileSync(file, bytes);
    const py = String.raw`
import hashlib, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
for i in z.infolist():
    print(i.filename, i.compress_type, i.file_size, hashlib.sha256(z.read(i)).hexdigest()[:16], i.date_time)
`;
    const r = spawnSync('/usr/bin/python3', ['-c', py, file], { encoding: 'utf8' });
    rmSync(dir, { recursive: true, force: true });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.map((l) => l.split(' ').slice(0, 3).join(' '))).toEqual([
      'config.json 0 14',
      `pytorch/train.py 0 ${new TextEncoder().encode('print("Kuramoto–Sivashinsky")\n').length}`,
      'weights.safetensors 0 1000',
    ]);
    expect(lines[0]).toContain('(2026, 12, 2, 1, 30, 0)');
  });
});
