import { seedChat } from './demo-chat';
import { type Auth, call, expectStatus, type Json, logIn, signIn, waitFor, Written } from './demo-http';
import { seedPipeline } from './demo-pipeline';
import { seedSchoolStructure, type SchoolSeedContext } from './demo-school';
import type { RunningFleet } from './fleet';

/** The demo tenants `npm run dev` provisions, one per product. Dev-only credentials, printed at start. */
export const DEMO_PASSWORD = 'hexfleet-demo-2026';

interface DemoTenant {
  slug: string;
  name: string;
  product: 'business' | 'school';
  admin: { email: string; displayName: string };
  /** Roles the admin grants itself so the sample data can be entered. */
  grants: Array<{ role: string; schoolId?: string }>;
}

const TENANTS: DemoTenant[] = [
  {
    slug: 'acme',
    name: 'Acme Corporation',
    product: 'business',
    admin: { email: 'admin@acme.test', displayName: 'Avery Admin' },
    grants: [{ role: 'hr' }, { role: 'payroll-admin' }],
  },
  {
    slug: 'greenfield',
    name: 'Greenfield School Group',
    product: 'school',
    admin: { email: 'admin@greenfield.test', displayName: 'Gale Admin' },
    // Its schools do not exist before the seed opens them: it grants itself their roles then.
    grants: [],
  },
];

export interface DemoLogin {
  tenant: string;
  email: string;
  password: string;
}

/**
 * Provisions the demo tenants and their sample data through the public APIs,
 * as a person would: provision, accept the invitation from the dev mailbox,
 * log in, enter data. Safe to run on every start: a tenant that exists is
 * kept, and every command carries an Idempotency-Key, so nothing doubles.
 */
export async function seedDemo(fleet: RunningFleet, log: (line: string) => void): Promise<DemoLogin[]> {
  const identity = fleet.urls.IDENTITY_URL;
  if (!identity) {
    log('identity is not in this checkout yet: no demo tenants');
    return [];
  }
  const logins: DemoLogin[] = [];
  for (const tenant of TENANTS) {
    const provisioned = await call(
      `${identity}/tenants`,
      'POST',
      { slug: tenant.slug, name: tenant.name, product: tenant.product, admin: tenant.admin },
      { 'x-operator-key': fleet.secrets.operatorKey },
    );
    expectStatus(provisioned, [201, 409], `provisioning ${tenant.slug}`);
    const login = () => logIn(identity, tenant.slug, tenant.admin.email, DEMO_PASSWORD);
    const session = await signIn(identity, tenant.slug, tenant.admin.email, DEMO_PASSWORD);
    let token = String(session.accessToken);
    const auth = (key?: string) => ({ authorization: `Bearer ${token}`, ...(key ? { 'idempotency-key': key } : {}) });

    const me = expectStatus(await call(`${identity}/me`, 'GET', undefined, auth()), [200], 'reading /me');
    const grantSelf = async (grants: DemoTenant['grants']) => {
      for (const grant of grants) {
        const granted = await call(
          `${identity}/users/${me.userId}/grants`,
          'POST',
          grant,
          auth(`demo-grant-${grant.role}-${grant.schoolId ?? 'tenant'}`),
        );
        expectStatus(granted, [200, 201, 204, 409], `granting ${grant.role}`);
      }
      token = String(expectStatus(await login(), [200], 'logging in again').accessToken);
    };
    await grantSelf(tenant.grants);

    if (tenant.product === 'business') {
      await seedBusiness(fleet, auth);
      await seedChat(fleet, tenant.slug, DEMO_PASSWORD, auth, log);
      await seedPipeline({ fleet, auth, tenant: tenant.slug, password: DEMO_PASSWORD });
    } else
      await seedSchool({
        fleet,
        auth,
        grantSelf,
        userId: String(me.userId),
        displayName: tenant.admin.displayName,
        signIn: async (email) => {
          const { accessToken } = await signIn(identity, tenant.slug, email, DEMO_PASSWORD);
          return (key?: string) => ({
            authorization: `Bearer ${String(accessToken)}`,
            ...(key ? { 'idempotency-key': key } : {}),
          });
        },
      });
    logins.push({ tenant: tenant.slug, email: tenant.admin.email, password: DEMO_PASSWORD });
  }
  return logins;
}

async function seedBusiness(fleet: RunningFleet, auth: Auth) {
  const hrms = fleet.urls.HRMS_URL;
  if (!hrms) return;
  const people = [
    ['Grace', 'Hopper', 'Engineering', 'Engineering Manager'],
    ['Alan', 'Turing', 'Engineering', 'Software Engineer'],
    ['Katherine', 'Johnson', 'Finance', 'Analyst'],
  ];
  const written = new Written();
  for (const [firstName, lastName, department, designation] of people) {
    const body = {
      firstName,
      lastName,
      workEmail: `${firstName.toLowerCase()}@acme.test`,
      joiningDate: '2026-01-05',
      department,
      designation,
      employmentType: 'full-time',
    };
    const hired = await call(`${hrms}/employees`, 'POST', body, auth(`demo-hire-${firstName}`));
    expectStatus(hired, [201], `hiring ${firstName}`);
    written.add(hired);
  }
  await written.visibleAt(`${hrms}/employees?limit=1`, auth(), 'the employee directory');
}

/** The school group's structure (HQ, Admin), then its first school's library. */
async function seedSchool(context: SchoolSeedContext) {
  const schools = await seedSchoolStructure(context);
  const libraries = context.fleet.urls.LIBRARIES_URL;
  const north = schools[0];
  if (!libraries || !north) return;
  await context.grantSelf(schools.map(({ schoolId }) => ({ role: 'librarian', schoolId })));
  await seedLibrary(libraries, north.schoolId, context.auth);
}

/** A small catalogue; the loan rules are HQ's group policy, the patrons the students Admin enrolled. */
async function seedLibrary(libraries: string, schoolId: string, auth: Auth) {
  await waitFor('HQ’s loan rules reaching the library', async () => {
    const reply = await call(`${libraries}/schools/${schoolId}/loan-rules`, 'GET', undefined, auth());
    const rules = expectStatus(reply, [200], 'loan rules') as unknown as Json[];
    return rules.length > 0 ? true : undefined;
  });
  const written = new Written();
  const titles = [
    ['The Hobbit', 'J. R. R. Tolkien', 'HOB'],
    ['A Brief History of Time', 'Stephen Hawking', 'BHT'],
  ];
  for (const [title, author, code] of titles) {
    const created = await call(
      `${libraries}/titles`,
      'POST',
      { schoolId, title, authors: [author], itemType: 'book' },
      auth(`demo-title-${schoolId}-${code}`),
    );
    const { titleId } = expectStatus(created, [201], `cataloguing ${title}`);
    written.add(created);
    for (const n of [1, 2]) {
      const copy = await call(
        `${libraries}/titles/${titleId}/copies`,
        'POST',
        { barcode: `${code}-${n}`, shelf: 'A1' },
        auth(`demo-copy-${code}-${n}`),
      );
      expectStatus(copy, [201, 409], `adding copy ${code}-${n}`);
      written.add(copy);
    }
  }
  await written.visibleAt(`${libraries}/titles?schoolId=${schoolId}`, auth(), 'the catalogue');
}
