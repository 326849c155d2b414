import { profile } from '@hexfleet/schemas';
import { deciderSpec } from '@hexfleet/testing';
import { type Actor, type ProfileChanges, profileDecider, type ProfileCommand } from '../../src/domain';
import {
  ADMIN_ID,
  EMPLOYEE,
  employeeProfile,
  hr,
  initialFields,
  meta,
  NOW,
  person,
  self,
  STRANGER,
  system,
  updated,
  USER,
} from './fixtures';

const given = deciderSpec(profileDecider);
const create: ProfileCommand = {
  type: 'CreateProfile',
  data: {
    userId: USER,
    product: 'business',
    fullName: ' Ana Silva ',
    email: 'ana@acme.test',
    employeeId: EMPLOYEE,
    studentId: null,
  },
  ...meta(),
};
const update = (changes: ProfileChanges, actor: Actor = self): ProfileCommand => ({
  type: 'UpdateProfile',
  data: { actor, changes },
  ...meta(),
});
const fields = initialFields('Ana Silva', 'ana@acme.test');

describe('rule: one profile per user, created on registration', () => {
  it('creates the profile from the registration', () => {
    given([]).when(create).then([employeeProfile]);
  });

  it('refuses a second profile for the same user', () => {
    given([employeeProfile]).when(create).thenThrows('profile-already-exists');
  });

  it('refuses to edit a profile that was never created', () => {
    given([])
      .when(update({ fullName: 'Ana' }))
      .thenThrows('profile-not-found');
  });

  it('refuses a creation without a user id or a name', () => {
    given([])
      .when({ ...create, data: { ...create.data, userId: 'ana' } })
      .thenThrows('invalid-user-id');
    given([])
      .when({ ...create, data: { ...create.data, fullName: ' ' } })
      .thenThrows('full-name-required');
  });
});

describe('feature: the person keeps their profile up to date', () => {
  const contact = {
    preferredName: 'Aninha',
    avatarUrl: 'https://cdn.acme.test/a.png',
    birthDate: '1990-05-17',
    emails: [{ address: ' Ana@Home.test ', label: 'home' }],
    phones: [{ number: '+351 912 345 678', label: 'mobile' }],
    address: { line1: 'Rua A 1', line2: null, city: 'Lisboa', region: null, postalCode: '1000-001', country: 'PT' },
    emergencyContacts: [{ name: 'Rui', relationship: 'spouse', phone: '+351 913 000 000' }],
  };

  it('records every field after the change and names those that changed', () => {
    given([employeeProfile])
      .when(update(contact))
      .then([
        updated(
          { ...fields, ...contact, emails: [{ address: 'ana@home.test', label: 'home' }] },
          ['preferredName', 'avatarUrl', 'birthDate', 'emails', 'phones', 'address', 'emergencyContacts'],
          USER,
        ),
      ]);
  });

  it('records nothing when the form comes back unchanged', () => {
    given([employeeProfile])
      .when(update({ fullName: 'Ana Silva', department: null }))
      .then([]);
  });

  it.each<[string, ProfileChanges, string]>([
    ['a blank name', { fullName: '  ' }, 'full-name-required'],
    ['a plain-http avatar', { avatarUrl: 'http://x.test/a.png' }, 'invalid-avatar-url'],
    ['an impossible birth date', { birthDate: '1990-02-30' }, 'invalid-birth-date'],
    ['a birth date in the future', { birthDate: '2026-03-03' }, 'invalid-birth-date'],
    ['a bad email', { emails: [{ address: 'ana', label: 'home' }] }, 'invalid-email'],
    ['a bad phone', { phones: [{ number: 'call me', label: 'mobile' }] }, 'invalid-phone'],
    [
      'an address without a country code',
      { address: { line1: 'x', line2: null, city: 'y', region: null, postalCode: null, country: 'Portugal' } },
      'invalid-address',
    ],
    [
      'an emergency contact without a phone',
      { emergencyContacts: [{ name: 'Rui', relationship: 'spouse', phone: '' }] },
      'invalid-emergency-contact',
    ],
    ['an unknown field', { nickname: 'x' } as ProfileChanges, 'unknown-field'],
  ])('refuses %s', (_, changes, code) => {
    given([employeeProfile]).when(update(changes)).thenThrows(code);
  });

  it('refuses edits by someone who is neither the person, an admin, HR nor a guardian', () => {
    given([employeeProfile])
      .when(update({ fullName: 'X' }, person(STRANGER, 'employee', 'manager')))
      .thenThrows('profile-edit-not-allowed');
  });

  it('lets HR and admins edit a business profile', () => {
    given([employeeProfile])
      .when(update({ preferredName: 'A' }, hr))
      .then([updated({ ...fields, preferredName: 'A' }, ['preferredName'], ADMIN_ID)]);
  });
});

describe('feature: preferences', () => {
  const prefs = (changes: object, actor: Actor = self): ProfileCommand => ({
    type: 'ChangePreferences',
    data: { actor, changes },
    ...meta(),
  });

  it('changes language, time zone and notification channels, carrying all of them', () => {
    given([employeeProfile])
      .when(
        prefs({
          language: 'pt-BR',
          timeZone: 'America/Sao_Paulo',
          notifications: { email: false, sms: true, push: true },
        }),
      )
      .then([
        profile.preferencesChanged({
          userId: USER,
          language: 'pt-BR',
          timeZone: 'America/Sao_Paulo',
          notifications: { email: false, sms: true, push: true },
          changedBy: USER,
          changedAt: NOW,
        }),
      ]);
  });

  it('records nothing when nothing changes, and refuses a bad language or time zone', () => {
    given([employeeProfile])
      .when(prefs({ language: null }))
      .then([]);
    given([employeeProfile])
      .when(prefs({ language: 'Portuguese' }))
      .thenThrows('invalid-language');
    given([employeeProfile])
      .when(prefs({ timeZone: 'Mars/Olympus' }))
      .thenThrows('invalid-time-zone');
  });

  it('follows the same rule on who may edit', () => {
    given([employeeProfile])
      .when(prefs({ language: 'en' }, person(STRANGER)))
      .thenThrows('profile-edit-not-allowed');
  });
});

describe('feature: archived with the user, restored on reactivation', () => {
  const archived = profile.profileArchived({ userId: USER, archivedAt: NOW });

  it('archives, refuses edits while archived, restores', () => {
    given([employeeProfile])
      .when({ type: 'ArchiveProfile', data: {}, ...meta() })
      .then([archived]);
    given([employeeProfile, archived])
      .when(update({ fullName: 'X' }, system))
      .thenThrows('profile-archived');
    given([employeeProfile, archived])
      .when({ type: 'RestoreProfile', data: {}, ...meta() })
      .then([profile.profileRestored({ userId: USER, restoredAt: NOW })]);
  });

  it('refuses to archive twice or restore an active profile', () => {
    given([employeeProfile, archived])
      .when({ type: 'ArchiveProfile', data: {}, ...meta() })
      .thenThrows('profile-already-archived');
    given([employeeProfile])
      .when({ type: 'RestoreProfile', data: {}, ...meta() })
      .thenThrows('profile-not-archived');
  });
});
