import { describe, expect, it } from 'vitest';
import { addDays, dayOf, dayWindow, isTradingDay, TradingDayError } from '../../electron/core/reconcile/trading-day.js';

const HOUR = 3_600_000;
const iso = (ms: number): string => new Date(ms).toISOString();

describe('trading day boundaries in the store time zone', () => {
  it('a winter day in London is midnight to midnight UTC', () => {
    const w = dayWindow('2026-01-15', 'Europe/London');
    expect(iso(w.start)).toBe('2026-01-15T00:00:00.000Z');
    expect(iso(w.end)).toBe('2026-01-16T00:00:00.000Z');
  });

  it('the spring-forward day in London is 23 hours (clocks go 01:00 → 02:00 on 29 March 2026)', () => {
    const w = dayWindow('2026-03-29', 'Europe/London');
    expect(iso(w.start)).toBe('2026-03-29T00:00:00.000Z');
    expect(iso(w.end)).toBe('2026-03-29T23:00:00.000Z');
    expect(w.end - w.start).toBe(23 * HOUR);
    // 23:30 BST on the 29th is 22:30Z: still that day; 00:30 BST on the 30th is 23:30Z: the next.
    expect(dayOf(Date.parse('2026-03-29T22:30:00Z'), 'Europe/London')).toBe('2026-03-29');
    expect(dayOf(Date.parse('2026-03-29T23:30:00Z'), 'Europe/London')).toBe('2026-03-30');
  });

  it('the fall-back day in London is 25 hours (25 October 2026)', () => {
    const w = dayWindow('2026-10-25', 'Europe/London');
    expect(iso(w.start)).toBe('2026-10-24T23:00:00.000Z');
    expect(iso(w.end)).toBe('2026-10-26T00:00:00.000Z');
    expect(w.end - w.start).toBe(25 * HOUR);
    // 01:30 happens twice; both belong to the 25th.
    expect(dayOf(Date.parse('2026-10-25T00:30:00Z'), 'Europe/London')).toBe('2026-10-25');
    expect(dayOf(Date.parse('2026-10-25T01:30:00Z'), 'Europe/London')).toBe('2026-10-25');
  });

  it('a summer day in London starts at 23:00 UTC the evening before', () => {
    const w = dayWindow('2026-07-01', 'Europe/London');
    expect(iso(w.start)).toBe('2026-06-30T23:00:00.000Z');
    expect(iso(w.end)).toBe('2026-07-01T23:00:00.000Z');
  });

  it('a day whose midnight does not exist starts at its first real instant (Santiago, 6 September 2026)', () => {
    const w = dayWindow('2026-09-06', 'America/Santiago');
    expect(iso(w.start)).toBe('2026-09-06T04:00:00.000Z'); // 01:00 local, UTC−3
    expect(w.end - w.start).toBe(23 * HOUR);
  });

  it('zones far from UTC and with DST at midnight keep every instant in exactly one day', () => {
    // America/Santiago springs forward at 24:00 (midnight does not exist); Pacific/Kiritimati is UTC+14.
    for (const tz of ['Europe/London', 'America/New_York', 'America/Santiago', 'Australia/Lord_Howe', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Kolkata']) {
      let day = '2026-01-01';
      let prevEnd: number | null = null;
      for (let i = 0; i < 366; i++) {
        const w = dayWindow(day, tz);
        if (prevEnd !== null) expect(w.start).toBe(prevEnd);
        expect(dayOf(w.start, tz)).toBe(day);
        expect(dayOf(w.end - 1, tz)).toBe(day);
        expect(dayOf(w.start - 1, tz)).toBe(addDays(day, -1));
        expect(w.end - w.start).toBeGreaterThanOrEqual(23 * HOUR);
        expect(w.end - w.start).toBeLessThanOrEqual(25 * HOUR);
        prevEnd = w.end;
        day = addDays(day, 1);
      }
    }
  });

  it('refuses what is not a calendar day', () => {
    expect(isTradingDay('2026-02-29')).toBe(false);
    expect(isTradingDay('2028-02-29')).toBe(true);
    expect(isTradingDay('2026-1-5')).toBe(false);
    expect(() => dayWindow('2026-13-01', 'Europe/London')).toThrow(TradingDayError);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
