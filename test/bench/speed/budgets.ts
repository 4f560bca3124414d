// The budgets of issue 6, reported as PASS/FAIL lines. A budget never fails the process: this is a
// benchmark, and the numbers depend on the machine; tests do not time anything.

export interface BudgetResult {
  name: string;
  pass: boolean;
  /** False when the number could not be measured (then `pass` is false and `detail` says why). */
  measured: boolean;
  detail: string;
}

export function budget(name: string, pass: boolean, detail: string): BudgetResult {
  return { name, pass, measured: true, detail };
}

export function notMeasured(name: string, reason: string): BudgetResult {
  return { name, pass: false, measured: false, detail: `not measured: ${reason}` };
}

export function formatBudget(result: BudgetResult): string {
  return `${result.pass ? 'PASS' : 'FAIL'}  ${result.name}: ${result.detail}`;
}
