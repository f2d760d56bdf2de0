import meta from './data/meta.json';

/** The date up to which the built-in glossary follows the press (ISO, YYYY-MM-DD). Light: no entries loaded. */
export const GLOSSARY_AS_OF: string = meta.asOf;

/** The as-of date as a reader sees it: "4 December 2026". */
export function asOfLabel(iso: string = GLOSSARY_AS_OF): string {
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
