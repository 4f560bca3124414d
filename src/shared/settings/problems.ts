// What went wrong with one stored or imported value, in words the options page can show next to the field.

export type SettingsProblemKind =
  /** The value has the wrong type or is out of range; the field fell back to its default. */
  | 'invalid'
  /** The value is far too large (a huge string or list); the field fell back to its default. */
  | 'oversized'
  /** One entry of a list was bad and was dropped; the rest of the list was kept. */
  | 'entry-dropped'
  /** A field this version does not know; it was ignored. */
  | 'unknown-field'
  /** The whole input was not a settings object; every field uses its default. */
  | 'not-an-object'
  /** Saved by a newer Broadsheet; what this version understands was loaded. */
  | 'newer-version'
  /** Kept as saved, but a deeper check (the user-rules hook) failed to run. */
  | 'not-checked';

export interface SettingsProblem {
  /** The field concerned (dotted for nested values, e.g. "customColors.text"), or null for the whole object. */
  field: string | null;
  kind: SettingsProblemKind;
  message: string;
  /** A short description of the rejected value (never the value itself when it is large). */
  received?: string;
}

const MAX_RECEIVED_CHARS = 60;

/**
 * Describes any value in at most ~80 characters without throwing: input can be anything a page, a
 * corrupt store or a hand-edited file holds, including objects without a prototype.
 */
export function describeReceived(value: unknown): string {
  try {
    if (value === null) return 'null';
    if (Array.isArray(value))
      return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
    switch (typeof value) {
      case 'string':
        return value.length > MAX_RECEIVED_CHARS
          ? `${JSON.stringify(value.slice(0, MAX_RECEIVED_CHARS))}… (${value.length} characters)`
          : JSON.stringify(value);
      case 'number':
      case 'boolean':
      case 'bigint':
        return `${typeof value} ${String(value)}`;
      case 'undefined':
        return 'undefined';
      case 'object': {
        const keys = Object.keys(value);
        return `an object with ${keys.length} field${keys.length === 1 ? '' : 's'}`;
      }
      default:
        return `a ${typeof value}`;
    }
  } catch {
    return 'an unreadable value';
  }
}
