// One import point for the glossary's types, so lib/db never pulls the glossary data itself.
export type { GlossaryEntry, TermCategory } from '../glossary/types';
