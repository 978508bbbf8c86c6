// Imported vaccinations get UUIDv7 ids (RFC 9562): time first, so one import's rows sort
// together and append to the primary key's index; the rest stays random.
import { describe, expect, it } from 'vitest';
import { timeOrderedId } from '../src/store/timeOrderedId.ts';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('time-ordered ids', () => {
  it('are version 7 UUIDs with the RFC 9562 variant', () => {
    for (let i = 0; i < 1000; i += 1) expect(timeOrderedId()).toMatch(uuid);
  });

  it('start with the time in milliseconds, so later ids sort after earlier ones', () => {
    const at = Date.UTC(2026, 11, 3, 12, 0, 0, 123);
    const id = timeOrderedId(at);
    expect(Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(at);
    const ids = [at, at + 1, at + 1000, at + 86_400_000].map((t) => timeOrderedId(t));
    expect([...ids].sort()).toEqual(ids);
  });

  it('differ within one millisecond', () => {
    const at = Date.now();
    const ids = new Set(Array.from({ length: 10_000 }, () => timeOrderedId(at)));
    expect(ids.size).toBe(10_000);
  });
});
