// Header texts: the publication date in the article's language, and the reading time.

/** A date-only ISO value ("2014-06-12") means that calendar day everywhere, not midnight UTC. */
const dateOnly = /^\d{4}-\d{2}-\d{2}$/;

function dateFormatter(lang: string | null, timeZone: string | undefined): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(lang ?? undefined, { dateStyle: 'long', timeZone });
  } catch {
    // An invalid language tag from the page must not break the header.
    return new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeZone });
  }
}

/** The date as the article's readers write it ("12 June 2014", "12. Juni 2014"), or null when unusable. */
export function formatPublishedDate(iso: string | null, lang: string | null): string | null {
  if (!iso) return null;
  const trimmed = iso.trim();
  const date = new Date(trimmed);
  if (Number.isNaN(date.getTime())) return null;
  return dateFormatter(lang, dateOnly.test(trimmed) ? 'UTC' : undefined).format(date);
}

/** Whole minutes, at least one: "0 min read" would look like a bug. */
export function readingMinutes(minutes: number): number {
  return Number.isFinite(minutes) ? Math.max(1, Math.round(minutes)) : 1;
}
