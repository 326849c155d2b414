import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { TenantsCommandHandler } from '../../application/tenants.command-handler';

/** Runs before the body is validated: without the operator key, nothing about the request is answered. */
@Injectable()
export class OperatorKeyGuard implements CanActivate {
  constructor(private readonly tenants: TenantsCommandHandler) {}

  canActivate(context: ExecutionContext): boolean {
    const key = context.switchToHttp().getRequest<FastifyRequest>().headers['x-operator-key'];
    this.tenants.assertOperator(Array.isArray(key) ? key[0] : key);
    return true;
  }
}
