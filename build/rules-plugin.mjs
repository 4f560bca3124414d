// Ships the cleanup rules precompiled. src/rules/shipped-rules.ts parses the rule files (generic.rules,
// sites/*.rules) when it runs; this esbuild plugin runs that same module at BUILD time (bundled for Node with
// the .rules files as text, so the project's own parser does the work) and replaces it in the bundle with
// its result as compact JavaScript data: no comments, no parser, regular expressions as literals. Jest and
// tsx keep loading the module as written, so the .rules files stay the one source of truth.
// A rule file with problems fails the build, naming each problem (the runtime would skip those rules).
import { dirname } from 'node:path';
import { importAtBuildTime } from './import-at-build-time.mjs';

const shippedRulesModule = /[\\/]src[\\/]rules[\\/]shipped-rules\.ts$/;

/** A JavaScript expression for plain data: JSON, with RegExp as literals and undefined kept out. */
function expression(value) {
  if (value instanceof RegExp) return `/${value.source}/${value.flags}`;
  if (Array.isArray(value)) return `[${value.map(expression).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const fields = Object.entries(value).filter(([, field]) => field !== undefined);
    return `{${fields.map(([key, field]) => `${JSON.stringify(key)}:${expression(field)}`).join(',')}}`;
  }
  if (value === undefined) return 'undefined';
  return JSON.stringify(value);
}

/**
 * Rules as positional calls of one small factory per rule set: the field names once, not once per rule;
 * the set's file name and id prefix ("generic/") once; phases as letters ("ba" = before and after);
 * trailing unset fields left out. Every rule has the same fields in the parser's order (checked).
 * `reason` is for the people who review a rule file (nothing at run time reads it): the bundle leaves it
 * empty.
 */
const special = new Set(['id', 'reason', 'phases', 'file']);

function ruleSetExpression(ruleSet, fields) {
  const prefix = ruleSet.rules[0]?.id.replace(/[^/]*$/, '') ?? '';
  const rows = ruleSet.rules.map((rule) => {
    const keys = Object.keys(rule);
    if (keys.length !== fields.length || keys.some((key, index) => key !== fields[index])) {
      throw new Error(
        `rules-plugin: rule ${rule.id} has fields ${keys.join(', ')}, not ${fields.join(', ')}`,
      );
    }
    if (!rule.id.startsWith(prefix))
      throw new Error(`rules-plugin: rule ${rule.id} lacks ${prefix}`);
    const phases = rule.phases.map((phase) => phase[0]).join('');
    const values = [rule.id.slice(prefix.length), phases].concat(
      fields.filter((field) => !special.has(field)).map((field) => rule[field]),
    );
    while (values.length > 0 && values[values.length - 1] === undefined) values.pop();
    return `r(${values.map(expression).join(',')})`;
  });
  const rest = Object.entries(ruleSet).filter(([key]) => key !== 'rules');
  const head = rest.map(([key, value]) => `${JSON.stringify(key)}:${expression(value)}`).join(',');
  return `{${head},"rules":((r)=>[${rows.join(',')}])(rule(${JSON.stringify(ruleSet.file)},${JSON.stringify(prefix)}))}`;
}

export function emitCatalogueModule(catalogue) {
  const sets = [catalogue.generic, ...catalogue.sites];
  const first = sets.flatMap((set) => set.rules)[0];
  const fields = first ? Object.keys(first) : [];
  const params = ['name', 'phaseLetters', ...fields.filter((field) => !special.has(field))];
  const phaseNames = { b: 'before', a: 'after' };
  const values = {
    id: 'prefix + name',
    reason: '""',
    phases: `[...phaseLetters].map((letter) => (${JSON.stringify(phaseNames)})[letter])`,
    file: 'file',
  };
  const body = fields.map((field) => `${field}: ${values[field] ?? field}`).join(', ');
  return [
    '// Generated at build time by build/rules-plugin.mjs from src/rules/shipped-rules.ts.',
    `const rule = (file, prefix) => (${params.join(', ')}) => ({ ${body} });`,
    `export const GENERIC_RULES_FILE = ${JSON.stringify(catalogue.generic.file)};`,
    'export function loadShippedRules() {',
    `  return {generic:${ruleSetExpression(catalogue.generic, fields)},sites:[${catalogue.sites
      .map((set) => ruleSetExpression(set, fields))
      .join(',')}],problems:${expression(catalogue.problems)}};`,
    '}',
  ].join('\n');
}

/** @returns {import('esbuild').Plugin} */
export function precompiledRules() {
  return {
    name: 'precompiled-rules',
    setup(pluginBuild) {
      pluginBuild.onLoad({ filter: shippedRulesModule }, async (args) => {
        const catalogue = (
          await importAtBuildTime(args.path, { '.rules': 'text' })
        ).loadShippedRules();
        if (catalogue.problems.length > 0) {
          return {
            errors: catalogue.problems.map((problem) => ({
              text: `${problem.file}:${problem.line}${problem.ruleId ? ` [${problem.ruleId}]` : ''}: ${problem.message}`,
            })),
          };
        }
        return {
          contents: emitCatalogueModule(catalogue),
          loader: 'js',
          resolveDir: dirname(args.path),
        };
      });
    },
  };
}
