import { isUuid } from '@hexfleet/kernel';
import { systemClock, uuidV7Ids } from '../src';

describe('system adapters for the kernel ports', () => {
  it('makes UUIDv7 ids, valid and in creation order', () => {
    const ids = Array.from({ length: 1000 }, () => uuidV7Ids.next());
    for (const id of ids) {
      expect(isUuid(id)).toBe(true);
      expect(id[14]).toBe('7');
    }
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('reads the real time', () => {
    const before = Date.now();
    expect(systemClock.now().getTime()).toBeGreaterThanOrEqual(before);
  });
});
