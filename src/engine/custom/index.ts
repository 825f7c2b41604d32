/**
 * User-typed PDEs (issue 10): a small expression grammar of our own (no `eval`), one
 * evaluator for float64 data and tfjs residuals, and a JSON spec that builds a real `Pde`.
 *
 *   const spec = validateCustomSpec(JSON.parse(text));   // CustomPdeError names the field
 *   const pde = buildCustomPde(spec);                     // id 'custom', terms res/ic/ic_t/bc
 */
export { CONSTANTS, CustomPdeError, FUNCTION_NAMES, MAX_ORDER, derivsOf, type Expr, type FnName } from './ast';
export { tokenize, type Token } from './lexer';
export { parseExpression, type Scope } from './parser';
export { evalNumber, evaluate, mathFunctions, numberOps, type Env, type Ops } from './evaluate';
export { expressionTerm, hoist, tensorOps, type Value } from './tensor';
export {
  validateCustomSpec,
  type CustomBc,
  type CustomPdeSpec,
  type DirichletBc,
  type PerOutput,
  type PeriodicBc,
} from './spec';
export { compileSpec, type CompiledDirichlet, type CompiledSpec } from './compile';
export { buildCustomPde, paramRange } from './build';
export { customTermNames, residualTermNames } from './terms';
export { customExamples } from './examples';
