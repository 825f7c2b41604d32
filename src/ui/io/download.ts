/** Save `data` as a file named `filename` through the browser's download mechanism. */
export function download(data: Blob | string | Uint8Array, filename: string, type = 'application/octet-stream'): void {
  const blob = data instanceof Blob ? data : new Blob([data as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A `data:` URI (as Plotly.toImage returns: base64 PNG, URL-encoded SVG) as a Blob. */
export function dataUriToBlob(uri: string): Blob {
  const comma = uri.indexOf(',');
  if (!uri.startsWith('data:') || comma < 0) throw new Error('not a data: URI');
  const head = uri.slice(5, comma);
  const body = uri.slice(comma + 1);
  const type = head.split(';')[0] || 'application/octet-stream';
  if (head.endsWith(';base64')) {
    const bin = atob(body);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return new Blob([bytes], { type });
  }
  return new Blob([decodeURIComponent(body)], { type });
}

/** A file name stem for this experiment, e.g. "helmholtz-mlp-adam-seed0". */
export function fileStem(c: { pde: string; arch: string; optimizer: string; seed: number }): string {
  return `${c.pde}-${c.arch}-${c.optimizer}-seed${c.seed}`;
}
