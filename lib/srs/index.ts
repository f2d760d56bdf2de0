import { createEmptyCard, fsrs, type Card } from 'ts-fsrs';

export type { Card } from 'ts-fsrs';

/** Again, Hard, Good, Easy: the same numbers ts-fsrs uses for its ratings. */
export type Grade = 1 | 2 | 3 | 4;

export const GRADES: readonly Grade[] = [1, 2, 3, 4];

export const GRADE_LABELS: Record<Grade, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

// Fuzz off: the interval shown on a button must be the interval the card then gets.
const scheduler = fsrs({ enable_fuzz: false });

export function newCard(now: Date): Card {
  return createEmptyCard(now);
}

/** The card after answering `grade` at `now`; an entry never reviewed starts from a new card. */
export function gradeCard(card: Card | undefined, grade: Grade, now: Date): Card {
  return scheduler.next(card ?? newCard(now), now, grade).card;
}

/** What each answer would schedule, as short labels for the buttons: `1m`, `10m`, `1d`, `4d`, `3mo`, `1.2y`. */
export function nextIntervals(card: Card | undefined, now: Date): Record<Grade, string> {
  const out = {} as Record<Grade, string>;
  for (const g of GRADES) out[g] = formatInterval(gradeCard(card, g, now).due.getTime() - now.getTime());
  return out;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function formatInterval(ms: number): string {
  if (ms < HOUR) return `${Math.max(1, Math.round(ms / MINUTE))}m`;
  if (ms < DAY) return `${Math.round(ms / HOUR)}h`;
  const days = ms / DAY;
  if (days < 30) return `${Math.round(days)}d`;
  if (days < 365) return `${Math.round(days / 30)}mo`;
  const years = Math.round((days / 365) * 10) / 10;
  return `${years}y`;
}
