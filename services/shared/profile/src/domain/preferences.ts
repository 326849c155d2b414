import { DomainError } from '@hexfleet/kernel';
import type { Preferences } from './profile.state';

export type PreferenceChanges = Partial<Preferences>;

// BCP 47 as people use it: language, optional script, optional region ("en", "pt-BR", "zh-Hant-TW").
const LANGUAGE = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$/;

function timeZone(value: string): string {
  try {
    // The runtime's IANA database: pure, no I/O, and the same one that will render the user's dates.
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value;
  } catch {
    throw new DomainError('invalid-time-zone', { timeZone: value });
  }
}

export function applyPreferences(current: Preferences, changes: PreferenceChanges): Preferences {
  const next = { ...current, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) };
  if (next.language !== null && !LANGUAGE.test(next.language))
    throw new DomainError('invalid-language', { language: next.language });
  if (next.timeZone !== null) timeZone(next.timeZone);
  const { email, sms, push } = next.notifications;
  return { language: next.language, timeZone: next.timeZone, notifications: { email, sms, push } };
}
