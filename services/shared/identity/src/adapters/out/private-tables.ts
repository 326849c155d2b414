import { Injectable, OnModuleInit } from '@nestjs/common';
import { createPrivateTables, ServiceRuntime } from '@hexfleet/platform';

/**
 * Identity's own working tables, outside the event store and the tenant
 * read models: per-address counters and TOTP enrolments awaiting their first
 * code. Neither is a fact of an account, so neither is an event. Created at
 * start, under an advisory lock so replicas starting together do not race.
 */
const DDL = `
create schema if not exists identity_private;
create table if not exists identity_private.address_hits (
  bucket text not null, address text not null, window_start bigint not null, hits int not null,
  primary key (bucket, address, window_start));
create table if not exists identity_private.totp_enrolments (
  tenant text not null, user_id text not null, secret_ciphertext text not null, expires_at timestamptz not null,
  primary key (tenant, user_id));`;

@Injectable()
export class PrivateTables implements OnModuleInit {
  constructor(private readonly runtime: ServiceRuntime) {}

  async onModuleInit() {
    await createPrivateTables(this.runtime.pool, 'identity_private', DDL);
  }
}
