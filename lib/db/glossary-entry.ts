// One import point for the glossary's types, so lib/db never pulls the glossary data itself.
export type { GlossaryAlias, GlossaryEntry, TermCategory } from '../glossary/types';
export { TERM_CATEGORIES, TERM_STATUSES } from '../glossary/types';
export { aliasFromHeadword, formFor, formsOf, surfacesOf } from '../glossary/forms';
export { foldVariants } from '../glossary/fold';
