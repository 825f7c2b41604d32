/**
 * Validation of the custom-PDE editor's draft with the engine's own spec validation
 * (`validateCustomSpec`: structure, names, and every expression parsed), and where its error
 * is shown: at the editor field holding the offending text, with a caret under the column.
 * The modules imported here import no tfjs, so the check runs on the UI thread as you type.
 */
import { CustomPdeError } from '../../engine/custom/ast';
import { validateCustomSpec, type CustomPdeSpec } from '../../engine/custom/spec';
import { draftToSpec, type CustomDraft, type Spot } from './customDraft';

/** An error at editor field `key` ('general' when no field owns it). */
export interface DraftError {
  key: string;
  /** What is wrong, without the field name (the error sits beside the field). */
  message: string;
  /** "line 2, column 7" (residual) or "column 7" when the error has a position. */
  where?: string;
  /** The offending text with a caret under the column (`CustomPdeError.pointer`). */
  pointer?: string;
}

/** A draft's outcome: the validated spec, or the first error found. */
export type Checked = { spec: CustomPdeSpec; error?: undefined } | { spec?: undefined; error: DraftError };

/** The spot of spec field `field`, or of its closest enclosing field (`bcs[0].value[1]` → `bcs[0]`). */
function spotOf(field: string | undefined, spots: Record<string, Spot>): Spot {
  for (let f = field ?? ''; f;) {
    if (spots[f]) return spots[f];
    const up = f.replace(/(\.[^.[\]]*|\[\d+\])$/, '');
    if (up === f) break;
    f = up;
  }
  return { key: 'general' };
}

/** A spec error placed at its editor field, with the column counted in that field's text. */
function located(e: CustomPdeError, spots: Record<string, Spot>): DraftError {
  const spot = spotOf(e.field, spots);
  if (spot.source === undefined || (e.pos === undefined && spot.offset === undefined)) {
    return { key: spot.key, message: spot.key === 'general' ? e.message : e.detail };
  }
  const column = (spot.offset ?? 0) + (e.pos ?? 0);
  const line = spot.line === undefined ? '' : `line ${spot.line + 1}, `;
  return {
    key: spot.key,
    message: e.detail,
    where: `${line}column ${column + 1}`,
    pointer: new CustomPdeError(e.detail, column).pointer(spot.source),
  };
}

/** Check a draft: convert it and validate the spec. Never throws for anything a person can type. */
export function checkDraft(d: CustomDraft): Checked {
  const spots: Record<string, Spot> = {};
  try {
    const spec = validateCustomSpec(draftToSpec(d, spots));
    return { spec };
  } catch (e) {
    if (e instanceof CustomPdeError) return { error: located(e, spots) };
    return { error: { key: 'general', message: e instanceof Error ? e.message : String(e) } };
  }
}
