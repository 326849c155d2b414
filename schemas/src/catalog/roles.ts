/**
 * The roles of the fleet, per product: the one catalogue. Identity owns it (it
 * grants roles and puts them in tokens); every service's guards and checks name
 * roles from here, so a misspelt role fails to compile instead of locking
 * everyone out. A new role is added here first, then granted by identity.
 */
export const BUSINESS_ROLES = ['employee', 'manager', 'hr', 'payroll-admin', 'tenant-admin'] as const;
export const SCHOOL_ROLES = ['hq-admin', 'school-admin', 'teacher', 'librarian', 'student', 'guardian'] as const;

export type BusinessRole = (typeof BUSINESS_ROLES)[number];
export type SchoolRole = (typeof SCHOOL_ROLES)[number];
export type Role = BusinessRole | SchoolRole;

export const ROLES: readonly Role[] = [...BUSINESS_ROLES, ...SCHOOL_ROLES];

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
