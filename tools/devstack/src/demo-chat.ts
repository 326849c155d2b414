import { type Auth, call, expectStatus, type Json, signIn, waitFor, Written } from './demo-http';
import type { RunningFleet } from './fleet';

/** A demo person's headers, with an Idempotency-Key when the call writes (so a restart doubles nothing). */
const as =
  (token: string): Auth =>
  (key?: string) => ({ authorization: `Bearer ${token}`, ...(key ? { 'idempotency-key': key } : {}) });

/**
 * Chat in the business demo: Grace and Alan (hired by the HRMS seed) accept their invitations and
 * find themselves in #general and #engineering (chat's policy on the hire and the account); they
 * talk a little (a thread, a mention, a reaction), and the admin opens a read-only #announcements.
 * Every write carries an Idempotency-Key, so a restart adds nothing.
 */
export async function seedChat(
  fleet: RunningFleet,
  tenant: string,
  password: string,
  admin: Auth,
  log: (line: string) => void,
) {
  const chat = fleet.urls.CHAT_URL;
  const identity = fleet.urls.IDENTITY_URL;
  if (!chat || !identity || !fleet.urls.HRMS_URL) return;
  const grace = as(String((await signIn(identity, tenant, 'grace@acme.test', password)).accessToken));
  const alan = as(String((await signIn(identity, tenant, 'alan@acme.test', password)).accessToken));

  const channelsOf = (auth: Auth) =>
    waitFor('#general and #engineering from the hires', async () => {
      const reply = await call(`${chat}/channels`, 'GET', undefined, auth());
      const mine = expectStatus(reply, [200], 'my channels') as unknown as Json[];
      const byName = new Map(mine.map((c) => [String(c.name), String(c.channelId)]));
      return byName.has('general') && byName.has('engineering') ? byName : undefined;
    });
  const channels = await channelsOf(grace);
  await channelsOf(alan);
  const general = String(channels.get('general'));
  const engineering = String(channels.get('engineering'));

  const written = new Written();
  const post = async (auth: Auth, channelId: string, key: string, text: string, replyTo?: string) => {
    const sent = await call(
      `${chat}/channels/${channelId}/messages`,
      'POST',
      { text, replyTo },
      auth(`demo-chat-${key}`),
    );
    written.add(sent);
    return String(expectStatus(sent, [201], `posting ${key}`).messageId);
  };
  const welcome = await post(grace, general, 'welcome', 'Welcome to Acme chat, @alan! Say hi to everyone.');
  await post(alan, general, 'thanks', 'Thanks @grace! Happy to be here.', welcome);
  const wave = await call(
    `${chat}/channels/${general}/messages/${welcome}/reactions`,
    'POST',
    { emoji: 'wave' },
    alan('demo-chat-wave'),
  );
  expectStatus(wave, [201, 409], 'reacting');
  await post(grace, engineering, 'standup', 'Standup at 10:00 tomorrow, @channel.');
  await post(alan, engineering, 'notes', 'I will bring the release notes.');

  const created = await call(
    `${chat}/channels`,
    'POST',
    { kind: 'public', name: 'announcements', readOnly: true },
    admin('demo-chat-announcements'),
  );
  const { channelId: announcements } = expectStatus(created, [201], 'opening #announcements');
  written.add(created);
  await post(admin, String(announcements), 'offsite', 'The office is closed on Friday for the company offsite.');
  await written.visibleAt(`${chat}/channels/${general}/messages`, grace(), 'the chat messages');
  log(
    `chat: #general, #engineering and #announcements with a short conversation (grace@${tenant}.test, alan@${tenant}.test)`,
  );
}
