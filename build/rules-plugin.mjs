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
 * Each rule as one array row, its fields by position (the field names once, in the hydrate function):
 *   - the id without its set's prefix ("generic/" once per set), the file name once per set;
 *   - action and phases as one short code: "kba" = keep, before and after ("r" remove, "u" unwrap);
 *   - a list of one item as the item itself, an empty list or unset number as a hole (`[a,,b]`), trailing
 *     ones left out: the hydrate function turns them back into lists;
 *   - `reason` is for the people who review a rule file (nothing at run time reads it): left empty.
 * Every rule has the same fields in the parser's order (checked); hydrated, the rules are equal to what
 * the parser makes of the files (test/unit/bundle/precompiled-rules.test.ts).
 */
const positional = (field) => !['id', 'reason', 'action', 'phases', 'file'].includes(field);
const actionCodes = { remove: 'r', keep: 'k', unwrap: 'u' };

/** A row's value: undefined and [] become holes, [x] becomes x (the hydrate function undoes both). */
function cell(value, isList) {
  if (value === undefined) return '';
  if (!isList) return expression(value);
  if (value.length === 0) return '';
  return value.length === 1 && !Array.isArray(value[0]) ? expression(value[0]) : expression(value);
}

function ruleRow(rule, prefix, fields, listFields) {
  const keys = Object.keys(rule);
  if (keys.length !== fields.length || keys.some((key, index) => key !== fields[index])) {
    throw new Error(
      `rules-plugin: rule ${rule.id} has fields ${keys.join(', ')}, not ${fields.join(', ')}`,
    );
  }
  if (!rule.id.startsWith(prefix)) throw new Error(`rules-plugin: rule ${rule.id} lacks ${prefix}`);
  const code = actionCodes[rule.action] + rule.phases.map((phase) => phase[0]).join('');
  const cells = [JSON.stringify(rule.id.slice(prefix.length)), JSON.stringify(code)].concat(
    fields.filter(positional).map((field) => cell(rule[field], listFields.has(field))),
  );
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return `[${cells.join(',')}]`;
}

function ruleSetExpression(ruleSet, fields, listFields) {
  const prefix = ruleSet.rules[0]?.id.replace(/[^/]*$/, '') ?? '';
  const extra = Object.keys(ruleSet).filter((key) => !['file', 'sites', 'rules'].includes(key));
  if (extra.length > 0)
    throw new Error(`rules-plugin: unknown rule set fields ${extra.join(', ')}`);
  const rows = ruleSet.rules.map((rule) => ruleRow(rule, prefix, fields, listFields));
  return `set(${JSON.stringify(ruleSet.file)},${JSON.stringify(prefix)},${expression(ruleSet.sites)},[${rows.join(',')}])`;
}

export function emitCatalogueModule(catalogue) {
  const sets = [catalogue.generic, ...catalogue.sites];
  const rules = sets.flatMap((set) => set.rules);
  const fields = rules[0] ? Object.keys(rules[0]) : [];
  // A field is a list when every rule has a list there (selectors, texts...), a value otherwise.
  const listFields = new Set(
    fields.filter(
      (field) => positional(field) && rules.every((rule) => Array.isArray(rule[field])),
    ),
  );
  for (const rule of rules) {
    if (!(rule.action in actionCodes)) throw new Error(`rules-plugin: ${rule.id}: ${rule.action}`);
    if (rule.phases.some((phase) => phase !== 'before' && phase !== 'after')) {
      throw new Error(`rules-plugin: ${rule.id}: phases ${rule.phases.join(', ')}`);
    }
  }
  const params = fields.filter(positional);
  const values = {
    id: 'prefix + name',
    reason: '""',
    action: 'actions[code[0]]',
    phases: '[...code.slice(1)].map((letter) => phases[letter])',
    file: 'file',
  };
  const body = fields
    .map(
      (field) => `${field}: ${values[field] ?? (listFields.has(field) ? `list(${field})` : field)}`,
    )
    .join(', ');
  const actions = Object.fromEntries(
    Object.entries(actionCodes).map(([name, code]) => [code, name]),
  );
  return [
    '// Generated at build time by build/rules-plugin.mjs from src/rules/shipped-rules.ts.',
    `const actions = ${JSON.stringify(actions)};`,
    'const phases = { b: "before", a: "after" };',
    'const list = (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);',
    'const set = (file, prefix, sites, rows) => ({ file, sites, rules: rows.map(',
    `  ([name, code, ${params.join(', ')}]) => ({ ${body} })) });`,
    `export const GENERIC_RULES_FILE = ${JSON.stringify(catalogue.generic.file)};`,
    'export function loadShippedRules() {',
    `  return {generic:${ruleSetExpression(catalogue.generic, fields, listFields)},sites:[${catalogue.sites
      .map((set) => ruleSetExpression(set, fields, listFields))
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
