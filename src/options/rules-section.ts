// The user's own cleanup rules: per site, a CSS selector whose blocks the reader removes. A new rule is
// checked with the rules engine's validateUserRules (site shape, selector syntax) before it is saved; the
// reason a rule was refused is shown next to the form.
import { validateUserRules } from '../rules/user-rules';
import { LIMITS, type Settings, type UserRule } from '../shared/settings';
import { make, type OptionsText } from './text';

export interface RulesSection {
  element: HTMLElement;
  show(settings: Settings): void;
}

export type RuleCheck = { ok: true; rules: UserRule[] } | { ok: false; message: string };

/** Adds one rule to the list if the rules engine accepts it and it is not there yet. */
export function addRule(
  rules: readonly UserRule[],
  input: { site: string; selector: string },
  t: OptionsText,
  doc: Document,
): RuleCheck {
  const candidate = { site: input.site.trim(), selector: input.selector.trim() };
  if (!candidate.site || !candidate.selector) return { ok: false, message: t('rulesNeedBoth') };
  const checked = validateUserRules([candidate], doc);
  const rule = checked.rules[0];
  if (!rule || checked.problems.length > 0) {
    return { ok: false, message: checked.problems.join(' ') || t('rulesNeedBoth') };
  }
  if (
    rules.some((existing) => existing.site === rule.site && existing.selector === rule.selector)
  ) {
    return { ok: false, message: t('rulesDuplicate') };
  }
  if (rules.length >= LIMITS.maxUserRules) {
    return { ok: false, message: t('rulesTooMany', [String(LIMITS.maxUserRules)]) };
  }
  return { ok: true, rules: [...rules, rule] };
}

export function buildRulesSection(
  doc: Document,
  t: OptionsText,
  save: (rules: UserRule[]) => void,
): RulesSection {
  const element = make(doc, 'section', 'rules');
  element.setAttribute('aria-labelledby', 'rules-heading');
  const heading = make(doc, 'h2', undefined, t('optionsRulesHeading'));
  heading.id = 'rules-heading';
  const intro = make(doc, 'p', 'hint', t('rulesIntro'));
  const list = make(doc, 'ul', 'rule-list');
  const empty = make(doc, 'p', 'hint', t('rulesEmpty'));

  const form = make(doc, 'form', 'rule-form');
  const field = (id: string, labelKey: string, placeholder: string) => {
    const wrap = make(doc, 'div', 'field');
    const label = make(doc, 'label', undefined, t(labelKey));
    const input = make(doc, 'input');
    input.id = id;
    input.type = 'text';
    input.autocomplete = 'off';
    input.spellcheck = false;
    input.placeholder = placeholder;
    label.htmlFor = id;
    wrap.append(label, input);
    return { wrap, input };
  };
  const site = field('rule-site', 'rulesSiteLabel', 'example.com');
  const selector = field('rule-selector', 'rulesSelectorLabel', '.newsletter-box');
  const add = make(doc, 'button', undefined, t('rulesAdd'));
  add.type = 'submit';
  const message = make(doc, 'p', 'form-message');
  message.id = 'rules-message';
  message.setAttribute('role', 'alert');
  site.input.setAttribute('aria-describedby', message.id);
  selector.input.setAttribute('aria-describedby', message.id);
  form.append(site.wrap, selector.wrap, add, message);
  element.append(heading, intro, list, empty, form);

  let current: UserRule[] = [];
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const result = addRule(
      current,
      { site: site.input.value, selector: selector.input.value },
      t,
      doc,
    );
    if (!result.ok) {
      message.textContent = result.message;
      message.dataset.kind = 'error';
      return;
    }
    const added = result.rules[result.rules.length - 1];
    message.textContent = added ? t('rulesAdded', [added.selector, added.site]) : '';
    message.dataset.kind = 'ok';
    selector.input.value = '';
    save(result.rules);
  });

  return {
    element,
    show(settings) {
      current = settings.userRules;
      empty.hidden = current.length > 0;
      list.replaceChildren(
        ...current.map((rule, index) => {
          const item = make(doc, 'li');
          const siteName = make(doc, 'span', 'rule-site', rule.site);
          const code = make(doc, 'code', undefined, rule.selector);
          const remove = make(doc, 'button', 'remove', t('rulesRemove'));
          remove.type = 'button';
          remove.setAttribute('aria-label', t('rulesRemoveLabel', [rule.selector, rule.site]));
          remove.addEventListener('click', () => {
            save(current.filter((_, other) => other !== index));
            message.textContent = t('rulesRemoved', [rule.selector, rule.site]);
            message.dataset.kind = 'ok';
            site.input.focus();
          });
          item.append(siteName, ' ', code, ' ', remove);
          return item;
        }),
      );
    },
  };
}
