#!/usr/bin/env node
// Prints a fresh private ES256 signing key as a JWK (one line of JSON), for
// identity's SIGNING_KEY_JWK: `export SIGNING_KEY_JWK="$(node tools/scripts/new-signing-key.mjs)"`.
// The key id is its RFC 7638 thumbprint. Never commit the output.
import { calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose';
import { pathToFileURL } from 'node:url';

export async function newSigningKeyJwk() {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y });
  return { ...jwk, kid, alg: 'ES256', use: 'sig' };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${JSON.stringify(await newSigningKeyJwk())}\n`);
}
