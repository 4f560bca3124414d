import type { RuleProblem } from './types';

/** A malformed rule: the message names the file, the line and the rule, so a reviewer can find it. */
export class RuleError extends Error {
  constructor(readonly problem: RuleProblem) {
    super(formatProblem(problem));
    this.name = 'RuleError';
  }
}

export function formatProblem({ file, line, ruleId, message }: RuleProblem): string {
  return `${file}:${line}: ${ruleId === undefined ? '' : `rule "${ruleId}": `}${message}`;
}
