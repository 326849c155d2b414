import { v5 as uuidv5 } from 'uuid';

const DEFAULT_CHANNEL = '3f7c9a1e-6b2d-4e8f-9a0c-5d1e7b3c2f48';
const DIRECT = '8b4e2d6a-1c3f-4a5b-9e7d-0f2c4a6b8d13';

/** #general of a tenant: one id, so every hire joins the same channel, created by whoever comes first. */
export const generalChannelId = (tenant: string) => uuidv5(`${tenant}/general`, DEFAULT_CHANNEL);

/** A department's channel name: its name lower-cased, spaces as dashes (Engineering Ops -> engineering-ops). */
export const departmentChannelName = (department: string) =>
  department.trim().toLowerCase().replace(/\s+/g, '-').slice(0, 64) || 'department';

export const departmentChannelId = (tenant: string, department: string) =>
  uuidv5(`${tenant}/department/${departmentChannelName(department)}`, DEFAULT_CHANNEL);

/** Two people have one direct conversation, whoever opens it. */
export const directChannelId = (tenant: string, a: string, b: string) =>
  uuidv5(`${tenant}/${[a, b].sort().join('/')}`, DIRECT);
