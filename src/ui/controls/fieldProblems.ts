/**
 * The fields whose text is not a valid value right now (out of range, not a number, …). A
 * field reports its problem here while its text is invalid, and clears it when it is fixed or
 * unmounted; Start and Step stay disabled while any field has a problem, so a run never trains
 * on the last valid value while the page shows another.
 */
import { useEffect } from 'react';
import { create } from 'zustand';

interface FieldProblems {
  /** Problem text by field id. */
  problems: Record<string, string>;
  report(id: string, problem: string | null): void;
}

/** The store of current field problems. */
export const useFieldProblems = create<FieldProblems>((set) => ({
  problems: {},
  report: (id, problem) =>
    set((s) => {
      if ((s.problems[id] ?? null) === problem) return s;
      const problems = { ...s.problems };
      if (problem === null) delete problems[id];
      else problems[id] = problem;
      return { problems };
    }),
}));

/** The first problem of any field (for a disabled button's tooltip), or null when all are valid. */
export function firstFieldProblem(s: FieldProblems): string | null {
  const all = Object.values(s.problems);
  return all.length ? all[0] : null;
}

/** Report field `id`'s problem while it lasts (cleared when the field goes away). */
export function useReportProblem(id: string, problem: string | null): void {
  const report = useFieldProblems((s) => s.report);
  useEffect(() => {
    report(id, problem);
  }, [id, problem, report]);
  useEffect(() => () => report(id, null), [id, report]);
}
