import { handleOf, mentionWords } from '../../src/domain/mentions';

describe('mention words', () => {
  it('finds @handles once, lower-cased, and @channel; an email is no mention; a full stop ends a handle', () => {
    expect(mentionWords('Hi @Ann.Lee and @bob, mail ann@example.com. @channel! @bob @ann.lee.')).toEqual({
      channel: true,
      handles: ['ann.lee', 'bob'],
    });
    expect(mentionWords('nothing @ here')).toEqual({ channel: false, handles: [] });
  });

  it("a handle is the login email's local part", () => {
    expect(handleOf('Ann.Lee@Example.com')).toBe('ann.lee');
  });
});
