import { describe, expect, it } from 'vitest';
import { formatInterval, GRADE_LABELS, gradeCard, newCard, nextIntervals } from '../../../lib/srs';

const NOW = new Date('2026-03-01T08:00:00Z');

describe('review scheduling', () => {
  it('starts a new card due now, with no reviews', () => {
    const card = newCard(NOW);
    expect(card.due.getTime()).toBe(NOW.getTime());
    expect(card.reps).toBe(0);
  });

  it('puts a word answered Good further away than one answered Again', () => {
    const again = gradeCard(undefined, 1, NOW);
    const good = gradeCard(undefined, 3, NOW);
    const easy = gradeCard(undefined, 4, NOW);
    expect(good.due.getTime()).toBeGreaterThan(again.due.getTime());
    expect(easy.due.getTime()).toBeGreaterThan(good.due.getTime());
    expect(again.due.getTime()).toBeGreaterThan(NOW.getTime());
  });

  it('grows the interval with each Good answer given when the card is due', () => {
    let card = gradeCard(undefined, 3, NOW);
    let last = card.due.getTime() - NOW.getTime();
    const intervals = [last];
    for (let i = 0; i < 5; i++) {
      const at = card.due;
      card = gradeCard(card, 3, at);
      const interval = card.due.getTime() - at.getTime();
      expect(interval).toBeGreaterThan(last);
      last = interval;
      intervals.push(interval);
    }
    expect(card.reps).toBe(6);
    expect(intervals.at(-1)!).toBeGreaterThan(7 * 24 * 3600_000);
  });

  it('sends a known word back to learning when it is forgotten', () => {
    let card = gradeCard(undefined, 4, NOW);
    card = gradeCard(card, 3, card.due);
    const forgotten = gradeCard(card, 1, card.due);
    expect(forgotten.lapses).toBe(1);
    expect(forgotten.due.getTime() - card.due.getTime()).toBeLessThan(3600_000);
  });

  it('labels the buttons with the interval each answer gives', () => {
    const labels = nextIntervals(undefined, NOW);
    expect(labels).toEqual({ 1: '1m', 2: '6m', 3: '10m', 4: expect.stringMatching(/^\d+d$/) });
    expect(GRADE_LABELS).toEqual({ 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' });
  });

  it('is deterministic: the same answers at the same times give the same card', () => {
    const a = gradeCard(gradeCard(undefined, 3, NOW), 3, new Date('2026-03-02T08:00:00Z'));
    const b = gradeCard(gradeCard(undefined, 3, NOW), 3, new Date('2026-03-02T08:00:00Z'));
    expect(a).toEqual(b);
  });

  it('formats intervals in minutes, hours, days, months and years', () => {
    expect(formatInterval(20_000)).toBe('1m');
    expect(formatInterval(10 * 60_000)).toBe('10m');
    expect(formatInterval(3 * 3600_000)).toBe('3h');
    expect(formatInterval(4 * 86400_000)).toBe('4d');
    expect(formatInterval(90 * 86400_000)).toBe('3mo');
    expect(formatInterval(438 * 86400_000)).toBe('1.2y');
  });
});
