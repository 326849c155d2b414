import { checkChat } from '../src/chat-load';
import type { PostRecord, Received, StoredChatEvent } from '../src/chat-load';

const channelId = 'ch1';
const stored: StoredChatEvent[] = [
  { channelId, position: 1, type: 'ChannelCreated' },
  { channelId, position: 2, type: 'MemberAdded' },
  { channelId, position: 3, type: 'MessageSent', messageId: 'm1' },
  { channelId, position: 4, type: 'MessageSent', messageId: 'm2' },
  { channelId, position: 5, type: 'MessageSent', messageId: 'm3' },
];
const asReceived = (e: StoredChatEvent): Received => ({
  position: e.position,
  type: e.type,
  data: JSON.stringify(e.messageId ? { messageId: e.messageId } : {}),
});
const post = (messageId: string, outcome: PostRecord['outcome'] = 'accepted'): PostRecord => ({
  key: `k-${messageId}`,
  channelId,
  text: messageId,
  outcome,
  messageId: outcome === 'accepted' ? messageId : undefined,
  attempts: 1,
});
const client = (received: Received[], posts: PostRecord[] = []) => ({ name: 'c', channelId, received, posts });
const everything = stored.map(asReceived);
const posts = [post('m1'), post('m2'), post('m3')];

describe("the chat scenario's check", () => {
  it('passes a client with every position once and in order, every accepted post stored once', () => {
    const counts = checkChat([client(everything, posts), client(everything)], stored);
    expect(counts).toMatchObject({
      sent: 3,
      accepted: 3,
      lost: 0,
      duplicated: 0,
      outOfOrder: 0,
      leftovers: 0,
      violations: 0,
    });
  });

  it('counts a position a client missed (a resume that skipped one) as lost', () => {
    const counts = checkChat(
      [
        client(
          everything.filter((e) => e.position !== 4),
          posts,
        ),
      ],
      stored,
    );
    expect(counts.lost).toBe(1);
    expect(counts.findings[0]).toMatch(/never received position 4/);
  });

  it('counts a position received twice (a resume from too early) as duplicated', () => {
    const counts = checkChat([client([...everything.slice(0, 4), everything[3], everything[4]], posts)], stored);
    expect(counts.duplicated).toBe(1);
  });

  it('counts a position received after a later one as out of order', () => {
    const counts = checkChat(
      [client([...everything.slice(0, 2), everything[3], everything[2], everything[4]], posts)],
      stored,
    );
    expect(counts.outOfOrder).toBe(1);
  });

  it('counts an accepted post missing from the store as lost, and a stored one never accepted as a leftover', () => {
    const counts = checkChat([client(everything, [post('m1'), post('m2'), post('m9'), post('m3', 'refused')])], stored);
    expect(counts.lost).toBe(1);
    expect(counts.leftovers).toBe(1);
  });
});
