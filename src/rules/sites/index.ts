// One rule file per site. To add a site: create sites/<host>.rules and list it here.
import independent from './independent.co.uk.rules';

export interface RuleFile {
  /** Path shown in messages. */
  file: string;
  text: string;
}

export const SITE_RULE_FILES: readonly RuleFile[] = [
  { file: 'src/rules/sites/independent.co.uk.rules', text: independent },
];
