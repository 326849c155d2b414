import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Password hashing with scrypt (argon2id is not installed; scrypt is the
 * other KDF the architecture allows). Stored as a PHC-style string that
 * carries its own cost, so raising the cost later still verifies old hashes:
 * `$scrypt$ln=15,r=8,p=1$<salt b64>$<hash b64>`.
 */
export interface ScryptCost {
  /** log2 of N. 15 (N = 32768, 32 MiB per hash) is OWASP's floor for r=8, p=1. */
  ln: number;
  r: number;
  p: number;
}

export const DEFAULT_COST: ScryptCost = { ln: 15, r: 8, p: 1 };
const KEY_LENGTH = 32;
const PHC = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

function derive(password: string, salt: Buffer, { ln, r, p }: ScryptCost, keyLength: number): Promise<Buffer> {
  const N = 2 ** ln;
  // Node refuses more than 32 MiB by default; scrypt needs 128 * N * r bytes and a little more.
  const maxmem = 256 * N * r;
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, keyLength, { N, r, p, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

const b64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');

export async function hashPassword(password: string, cost: ScryptCost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost, KEY_LENGTH);
  return `$scrypt$ln=${cost.ln},r=${cost.r},p=${cost.p}$${b64(salt)}$${b64(key)}`;
}

/** True when `password` matches the stored hash; false for any other hash, never an exception. */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const match = stored ? PHC.exec(stored) : null;
  if (!match) {
    // Spend the same time as a real check, so "no such user" cannot be told from "wrong password".
    await derive(password, DUMMY_SALT, DEFAULT_COST, KEY_LENGTH);
    return false;
  }
  const [, ln, r, p, salt, hash] = match;
  const expected = Buffer.from(hash, 'base64');
  const cost = { ln: Number(ln), r: Number(r), p: Number(p) };
  if (cost.ln > 20 || expected.length < 16) return false;
  const actual = await derive(password, Buffer.from(salt, 'base64'), cost, expected.length);
  return timingSafeEqual(actual, expected);
}

const DUMMY_SALT = Buffer.alloc(16, 7);
