import type { FastifyRequest } from 'fastify';
import type { Client } from '../../application/address-limits';

const plain = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');

/** What of a request says where it came from. */
type Incoming = Pick<FastifyRequest, 'headers'> & { socket: { remoteAddress?: string } };

/**
 * The client's address: the socket's, unless the socket is a trusted proxy
 * (the gateway), in which case the nearest untrusted hop of X-Forwarded-For.
 * Anyone else's X-Forwarded-For is ignored, or a client could pick the
 * address its failures are counted against.
 */
export function clientOf(request: Incoming, trustedProxies: readonly string[]): Client {
  const userAgent = request.headers['user-agent']?.slice(0, 512) ?? null;
  let address = plain(request.socket.remoteAddress ?? '');
  const forwarded = request.headers['x-forwarded-for'];
  if (trustedProxies.includes(address) && forwarded) {
    const hops = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded).split(',').map((h) => plain(h.trim()));
    address = [...hops].reverse().find((hop) => hop && !trustedProxies.includes(hop)) ?? address;
  }
  return { address: address ? address.slice(0, 64) : null, userAgent };
}
