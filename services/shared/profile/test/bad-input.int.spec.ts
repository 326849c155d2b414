import { randomUUID } from 'node:crypto';
import { ProfileFleet, startProfileFleet, uniqueTenant } from './support/profile-harness';
import { person, Person, Reply } from './support/people';

interface Case {
  what: string;
  path?: (ids: Ids) => string;
  body?: unknown;
  headers?: Record<string, string>;
  /** The field the problem must name: in `errors[].field`, as a member, or in the detail. */
  field: string;
}
interface Ids {
  student: string;
  guardian: string;
}

const NOTIFY = { email: true, sms: false, push: true };
const PREFS = { language: 'en', timeZone: 'UTC', notifications: NOTIFY };

/** Every operation of /openapi.json, with what is wrong in each request and the field the answer must name. */
const CASES: Record<string, Case[]> = {
  'GET /profiles': [
    { what: 'page 0', path: () => '/profiles?page=0', field: 'page' },
    { what: 'page not a number', path: () => '/profiles?page=two', field: 'page' },
    { what: 'page size above 100', path: () => '/profiles?pageSize=500', field: 'pageSize' },
    { what: 'limit above 200', path: () => '/profiles?limit=201', field: 'limit' },
    { what: 'negative offset', path: () => '/profiles?offset=-1', field: 'offset' },
    { what: 'unknown parameter', path: () => '/profiles?sort=name', field: 'sort' },
    { what: 'query too long', path: () => `/profiles?query=${'x'.repeat(101)}`, field: 'query' },
  ],
  'GET /profiles/me': [
    { what: 'forged consistency token', headers: { 'x-consistency-token': 'forged' }, field: 'X-Consistency-Token' },
  ],
  'GET /profiles/{userId}': [{ what: 'user id not a UUID', path: () => '/profiles/42', field: 'userId' }],
  'PATCH /profiles/{userId}': [
    { what: 'user id not a UUID', path: () => '/profiles/me', body: { preferredName: 'X' }, field: 'userId' },
    { what: 'blank name', body: { fullName: '   ' }, field: 'fullName' },
    { what: 'name cleared', body: { fullName: null }, field: 'fullName' },
    { what: 'name not text', body: { fullName: 7 }, field: 'fullName' },
    {
      what: 'email address',
      body: { emails: [{ address: 'not-an-email', label: 'work' }] },
      field: 'emails.0.address',
    },
    { what: 'email without label', body: { emails: [{ address: 'a@b.test' }] }, field: 'emails.0.label' },
    { what: 'emails not a list', body: { emails: 'a@b.test' }, field: 'emails' },
    { what: 'phone number', body: { phones: [{ number: 'call me', label: 'mobile' }] }, field: 'phones.0.number' },
    { what: 'day that does not exist', body: { birthDate: '2015-02-30' }, field: 'birthDate' },
    { what: 'birth date in the future (422)', body: { birthDate: '2999-01-01' }, field: 'birthDate' },
    { what: 'avatar over http', body: { avatarUrl: 'http://cdn.example.com/a.png' }, field: 'avatarUrl' },
    {
      what: 'address country',
      body: { address: { line1: '1 Road', city: 'Pune', country: 'India' } },
      field: 'address.country',
    },
    { what: 'address without a city', body: { address: { line1: '1 Road', country: 'IN' } }, field: 'address.city' },
    {
      what: 'emergency contact without relationship',
      body: { emergencyContacts: [{ name: 'Ana', relationship: '', phone: '+91 98450 12345' }] },
      field: 'emergencyContacts.0.relationship',
    },
    { what: 'an HR field', body: { department: 'Sales' }, field: 'department' },
    { what: 'an unknown field', body: { nickname: 'K' }, field: 'nickname' },
    { what: 'malformed JSON', body: '{"fullName": ', field: 'body' },
    { what: 'a list for a body', body: [{ fullName: 'X' }], field: 'body' },
    { what: 'a string for a body', body: '"Kid"', field: 'body' },
    { what: 'a list of lists for emails', body: { emails: [[]] }, field: 'emails' },
    { what: 'address as a list', body: { address: [] }, field: 'address' },
  ],
  'PUT /profiles/{userId}/preferences': [
    { what: 'user id not a UUID', path: () => '/profiles/x/preferences', body: PREFS, field: 'userId' },
    { what: 'language', body: { ...PREFS, language: 'English' }, field: 'language' },
    { what: 'time zone', body: { ...PREFS, timeZone: 'Mars/Olympus' }, field: 'timeZone' },
    { what: 'language left out', body: { timeZone: 'UTC', notifications: NOTIFY }, field: 'language' },
    { what: 'notifications left out', body: { language: 'en', timeZone: 'UTC' }, field: 'notifications' },
    { what: 'no body (as {}: every field missing)', field: 'language' },
    { what: 'notifications as a list', body: { ...PREFS, notifications: [] }, field: 'notifications' },
    // Found by the Schemathesis sweep (seed 20261205): it answered 500.
    {
      what: 'notifications as a list of nulls',
      body: { ...PREFS, notifications: [null, null] },
      field: 'body',
    },
    {
      what: 'notification not a boolean',
      body: { ...PREFS, notifications: { ...NOTIFY, sms: 'yes' } },
      field: 'notifications.sms',
    },
  ],
  'PUT /profiles/{userId}/app-fields': [
    { what: 'user id not a UUID', path: () => '/profiles/x/app-fields', body: { className: '5B' }, field: 'userId' },
    { what: 'class not text', body: { className: 5 }, field: 'className' },
    { what: 'an unknown field', body: { salary: 100 }, field: 'salary' },
    { what: 'a number for a body', body: '5', field: 'body' },
    { what: 'a business field on a school profile (422)', body: { department: 'Sales' }, field: 'department' },
  ],
  'POST /profiles/{userId}/guardians': [
    {
      what: 'user id not a UUID',
      path: () => '/profiles/x/guardians',
      body: { guardianUserId: randomUUID(), relationship: 'aunt' },
      field: 'userId',
    },
    { what: 'guardian not a UUID', body: { guardianUserId: 'mum', relationship: 'mother' }, field: 'guardianUserId' },
    { what: 'no body (as {}: every field missing)', field: 'guardianUserId' },
    { what: 'null for a body', body: 'null', field: 'body' },
    { what: 'blank relationship', body: { guardianUserId: randomUUID(), relationship: ' ' }, field: 'relationship' },
    {
      what: 'primary not a boolean',
      body: { guardianUserId: randomUUID(), relationship: 'aunt', primary: 'yes' },
      field: 'primary',
    },
    {
      what: 'guardian who is no user here (422)',
      body: { guardianUserId: randomUUID(), relationship: 'aunt' },
      field: 'guardianUserId',
    },
    { what: 'the student as their own guardian (422)', body: { relationship: 'self' }, field: 'guardianUserId' },
  ],
  'DELETE /profiles/{userId}/guardians/{guardianUserId}': [
    { what: 'guardian not a UUID', path: (ids) => `/profiles/${ids.student}/guardians/mum`, field: 'guardianUserId' },
    { what: 'student not a UUID', path: (ids) => `/profiles/kid/guardians/${ids.guardian}`, field: 'userId' },
  ],
  'POST /profiles/{userId}/guardians/{guardianUserId}/primary': [
    {
      what: 'guardian not a UUID',
      path: (ids) => `/profiles/${ids.student}/guardians/mum/primary`,
      field: 'guardianUserId',
    },
    { what: 'student not a UUID', path: (ids) => `/profiles/kid/guardians/${ids.guardian}/primary`, field: 'userId' },
  ],
};

/** The request a case makes: its own path, or the operation's path on the test's student and guardian. */
function request(operation: string, c: Case, ids: Ids) {
  const [method, template] = operation.split(' ');
  const path = c.path?.(ids) ?? template.replace('{userId}', ids.student).replace('{guardianUserId}', ids.guardian);
  const body =
    c.body && typeof c.body === 'object' && 'relationship' in c.body && !('guardianUserId' in c.body)
      ? { ...c.body, guardianUserId: ids.student }
      : c.body;
  return { method, path, body };
}

const names = (reply: Reply, field: string) =>
  (reply.body.errors as Array<{ field: string }> | undefined)?.some((e) => e.field === field) ||
  reply.body.field === field ||
  field in reply.body ||
  String(reply.body.detail ?? '')
    .toLowerCase()
    .includes(field.toLowerCase());

// Bad input on every endpoint: a 4xx problem+json naming the field, and nothing written.
describe('bad input to every endpoint of /openapi.json', () => {
  let fleet: ProfileFleet;
  const tenant = uniqueTenant('bad');
  let student: Person;
  let guardian: Person;

  beforeAll(async () => {
    fleet = await startProfileFleet();
    [student, guardian] = await Promise.all([
      person(fleet, tenant, { displayName: 'Kid Bad', product: 'school', studentId: randomUUID() }),
      person(fleet, tenant, { displayName: 'Mum Bad', product: 'school' }),
    ]);
  });
  afterAll(() => fleet?.close());

  it('answers each case 400 or 422 naming the field, and appends no event', async () => {
    const spec = (await fleet.call('GET', '/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.entries(spec.paths)
      .filter(([path]) => path.startsWith('/profiles'))
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    expect(operations.sort()).toEqual(Object.keys(CASES).sort());

    const admin = await fleet.issuer.mint({ tenant, roles: ['school-admin'] });
    const ids = { student: student.userId, guardian: guardian.userId };
    const before = await fleet.stored({ tenants: [tenant] });
    const results: string[] = [];
    const failures: string[] = [];
    for (const [operation, cases] of Object.entries(CASES)) {
      for (const c of cases) {
        const { method, path, body } = request(operation, c, ids);
        const reply = await fleet.call(method, path, { token: admin, body, headers: c.headers });
        const problem = reply.headers.get('content-type')?.startsWith('application/problem+json');
        const ok = [400, 422].includes(reply.status) && problem && names(reply, c.field);
        const line = `${operation} | ${c.what}: ${reply.status} ${reply.body.code} names ${c.field}: ${ok ? 'yes' : 'NO'}`;
        results.push(line);
        if (!ok) failures.push(`${line} ${JSON.stringify(reply.body)}`);
      }
    }
    const after = await fleet.stored({ tenants: [tenant] });
    console.log(`${results.length} bad requests on ${operations.length} operations:\n${results.join('\n')}`);
    console.log(`events of the tenant in profile's store: ${before} before, ${after} after`);
    expect(failures).toEqual([]);
    expect(after).toBe(before);
  });
});
