import { DomainError, isUuid } from '@hexfleet/kernel';
import { identity } from '@hexfleet/schemas';
import type { Command } from './command';
import { normalizeLoginId } from './login-id';

/**
 * What every registration carries. `tenant` is a fact the caller loads from
 * the tenant stream: its product (stamped on the user, it decides which
 * roles exist) and whether it is suspended. The caller also reserves the
 * login id (login-id stream) and opens the credential in the same transaction.
 */
export interface NewUser {
  userId: string;
  email: string;
  displayName: string;
  tenant: { product: identity.Product; status: 'active' | 'suspended' };
}

type Registration =
  | Command<'InviteUser', NewUser & { invitedBy: string | null; employeeId?: string | null; studentId?: string | null }>
  | Command<'RegisterUser', NewUser>;

export function register(command: Registration, now: string): identity.UserRegistered {
  const { userId, tenant } = command.data;
  if (!isUuid(userId)) throw new DomainError('invalid-user-id', { userId });
  if (tenant.status === 'suspended') throw new DomainError('tenant-suspended');
  const email = normalizeLoginId(command.data.email);
  const displayName = command.data.displayName.trim();
  if (!displayName) throw new DomainError('display-name-required');
  const base = { userId, product: tenant.product, email, displayName, registeredAt: now };
  if (command.type === 'RegisterUser') return identity.userRegistered({ ...base, registeredVia: 'self_registration' });
  const { invitedBy, employeeId = null, studentId = null } = command.data;
  // An account comes from at most one record of another service, and that record must belong to the product.
  if (employeeId !== null && studentId !== null) throw new DomainError('one-origin-at-most');
  if (employeeId !== null && tenant.product !== 'business')
    throw new DomainError('origin-not-in-product', { origin: 'employee', product: tenant.product });
  if (studentId !== null && tenant.product !== 'school')
    throw new DomainError('origin-not-in-product', { origin: 'student', product: tenant.product });
  return identity.userRegistered({ ...base, registeredVia: 'invitation', invitedBy, employeeId, studentId });
}
