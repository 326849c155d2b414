/** What `@` words a text holds: `@channel` and `@handle`s (letters, digits, `.`, `_`, `-`), lower-cased, once each. */
export interface MentionWords {
  channel: boolean;
  handles: string[];
}

const MENTION = /(^|[^\p{L}\p{N}_.@-])@([\p{L}\p{N}][\p{L}\p{N}._-]{0,63})/gu;

/** The `@` words of a message; an email address (`a@b`) is no mention. A trailing `.` ends a sentence, not a handle. */
export function mentionWords(text: string): MentionWords {
  const handles = new Set<string>();
  let channel = false;
  for (const match of text.matchAll(MENTION)) {
    const word = match[2].replace(/[._-]+$/u, '').toLowerCase();
    if (word === 'channel') channel = true;
    else if (word) handles.add(word);
  }
  return { channel, handles: [...handles] };
}

/** A user's handle, what `@handle` names: the local part of their login email, lower-cased. */
export function handleOf(email: string): string {
  return email.split('@')[0].trim().toLowerCase();
}
