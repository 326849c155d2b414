import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

/**
 * `text/csv` bodies reach the import's handler as the request stream itself, unread: the
 * handler reads it as it arrives, with its own size limit (the server's 1 MB JSON limit is
 * for commands, not files).
 */
@Injectable()
export class CsvBody implements OnModuleInit {
  constructor(private readonly host: HttpAdapterHost) {}

  onModuleInit() {
    const fastify: FastifyInstance = this.host.httpAdapter.getInstance();
    if (!fastify.hasContentTypeParser('text/csv'))
      fastify.addContentTypeParser('text/csv', (_request, payload, done) => done(null, payload));
  }
}

/** The stream a `text/csv` request's body is; anything else (no body, JSON) is not one. */
export const isStream = (body: unknown): body is AsyncIterable<Buffer | string> =>
  typeof body === 'object' && body !== null && Symbol.asyncIterator in body;
