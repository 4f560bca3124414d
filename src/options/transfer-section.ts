// Export the settings to a JSON file and import them from one; a bad file gets one clear message, a good
// file with some bad values loads the rest and lists what was reset.
import { validateUserRules } from '../rules/user-rules';
import {
  exportSettings,
  importSettings,
  SETTINGS_FIELDS,
  type Settings,
  type SettingsPatch,
  type SettingsProblem,
} from '../shared/settings';
import { describeProblem } from './problems';
import { make, type OptionsText } from './text';

export const exportFileName = 'broadsheet-settings.json';

/** Every field of imported settings, as one patch. */
export function patchOf(settings: Settings): SettingsPatch {
  const patch: Record<string, unknown> = {};
  for (const field of SETTINGS_FIELDS) patch[field] = settings[field];
  return patch as SettingsPatch;
}

export type ImportOutcome =
  { ok: true; patch: SettingsPatch; problems: SettingsProblem[] } | { ok: false; message: string };

export function readSettingsFile(text: string, doc: Document): ImportOutcome {
  const result = importSettings(text, {
    checkUserRules: (rules) => validateUserRules(rules, doc),
  });
  if (!result.ok) return { ok: false, message: result.error };
  return { ok: true, patch: patchOf(result.settings), problems: result.problems };
}

export function buildTransferSection(
  doc: Document,
  t: OptionsText,
  options: {
    current: () => Settings;
    save: (patch: SettingsPatch) => Promise<void>;
  },
): HTMLElement {
  const element = make(doc, 'section', 'transfer');
  element.setAttribute('aria-labelledby', 'transfer-heading');
  const heading = make(doc, 'h2', undefined, t('transferHeading'));
  heading.id = 'transfer-heading';
  const exportButton = make(doc, 'button', undefined, t('transferExport'));
  exportButton.type = 'button';
  exportButton.id = 'export-settings';
  const importLabel = make(doc, 'label', 'file-label', t('transferImport'));
  const file = make(doc, 'input');
  file.type = 'file';
  file.id = 'import-settings';
  file.accept = 'application/json,.json';
  importLabel.htmlFor = file.id;
  const message = make(doc, 'div', 'form-message');
  message.id = 'transfer-message';
  message.setAttribute('role', 'alert');
  element.append(
    heading,
    make(doc, 'p', 'hint', t('transferIntro')),
    exportButton,
    importLabel,
    file,
    message,
  );

  exportButton.addEventListener('click', () => {
    const blob = new Blob([exportSettings(options.current())], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = make(doc, 'a');
    link.href = url;
    link.download = exportFileName;
    doc.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });

  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    chosen
      .text()
      .then(async (text) => {
        const outcome = readSettingsFile(text, doc);
        if (!outcome.ok) {
          message.dataset.kind = 'error';
          message.replaceChildren(
            make(doc, 'p', undefined, t('transferImportFailed', [outcome.message])),
          );
          return;
        }
        await options.save(outcome.patch);
        message.dataset.kind = outcome.problems.length ? 'warning' : 'ok';
        const parts: HTMLElement[] = [make(doc, 'p', undefined, t('transferImported'))];
        if (outcome.problems.length) {
          const list = make(doc, 'ul');
          list.append(
            ...outcome.problems.map((problem) =>
              make(doc, 'li', undefined, describeProblem(problem, t)),
            ),
          );
          parts.push(list);
        }
        message.replaceChildren(...parts);
      })
      .catch((error: unknown) => {
        message.dataset.kind = 'error';
        message.replaceChildren(
          make(
            doc,
            'p',
            undefined,
            t('transferImportFailed', [error instanceof Error ? error.message : String(error)]),
          ),
        );
      })
      .finally(() => {
        file.value = '';
      });
  });
  return element;
}
