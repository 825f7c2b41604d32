/**
 * The size limit of an imported file, checked on the page before the file is read (so a
 * multi-gigabyte drop is refused without touching its bytes) and again by the worker that parses
 * it. Pure data: the UI imports it without the parsers.
 */

/** Largest file accepted (the largest network the budget allows has ~13M parameters, 52 MB). */
export const maxImportBytes = 64 * 2 ** 20;

/** Why a file of `bytes` bytes named `name` is refused for its size, or null when it may be read. */
export function importSizeProblem(name: string, bytes: number): string | null {
  if (bytes <= maxImportBytes) return null;
  return `${name} is ${(bytes / 2 ** 20).toFixed(0)} MiB; files up to ${maxImportBytes / 2 ** 20} MiB can be imported`;
}
