import { highestGrade, nextGrade, promotionOf } from '../../src/domain';

describe('where a group goes at the year’s end', () => {
  it('moves numbered grades up, keeping the section and the way the grade is written', () => {
    expect([nextGrade('5'), nextGrade('09'), nextGrade(' 11 '), nextGrade('KG')]).toEqual(['6', '10', '12', null]);
    expect(promotionOf({ grade: '5', section: 'B ' }, 12)).toEqual({ kind: 'promote', grade: '6', section: 'B' });
  });

  it('graduates the highest grade of the year, and leaves grades that are not numbers where they are', () => {
    expect(highestGrade(['1', '12', 'KG', '7'])).toBe(12);
    expect(promotionOf({ grade: '12', section: 'A' }, 12)).toEqual({ kind: 'graduate' });
    expect(promotionOf({ grade: 'KG', section: 'A' }, 12)).toEqual({ kind: 'stay' });
  });
});
