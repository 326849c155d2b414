// Confluent's error model: an HTTP status plus a finer `error_code` that clients
// branch on (e.g. serializers treat 40401/40403 as "not registered yet"), so the
// codes and statuses below must match Confluent's, not just "some 4xx".

export class RegistryError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly errorCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'RegistryError';
  }
}

export const subjectNotFound = (subject: string) => new RegistryError(404, 40401, `Subject '${subject}' not found.`);

export const versionNotFound = (version: number) => new RegistryError(404, 40402, `Version ${version} not found.`);

export const schemaNotFound = (id?: number) =>
  new RegistryError(404, 40403, id === undefined ? 'Schema not found' : `Schema ${id} not found`);

export const subjectSoftDeleted = (subject: string) =>
  new RegistryError(404, 40404, `Subject '${subject}' was soft deleted.Set permanent=true to delete permanently`);

export const subjectNotSoftDeleted = (subject: string) =>
  new RegistryError(404, 40405, `Subject '${subject}' was not deleted first before being permanently deleted`);

export const versionSoftDeleted = (subject: string, version: number) =>
  new RegistryError(
    404,
    40406,
    `Subject '${subject}' Version ${version} was soft deleted.Set permanent=true to delete permanently`,
  );

export const versionNotSoftDeleted = (subject: string, version: number) =>
  new RegistryError(
    404,
    40407,
    `Subject '${subject}' Version ${version} was not deleted first before being permanently deleted`,
  );

export const subjectCompatibilityNotConfigured = (subject: string) =>
  new RegistryError(404, 40408, `Subject '${subject}' does not have subject-level compatibility configured`);

// Confluent answered error_code 409 for years; recent releases (8.x) say 40901.
// We keep 409, which older clients compare against; HTTP 409 is the same either way.
export const incompatibleSchema = (subject: string, details: readonly string[]) =>
  new RegistryError(
    409,
    409,
    `Schema being registered is incompatible with an earlier schema for subject "${subject}", details: [${details.join(', ')}]`,
  );

export const invalidSchema = (message: string) => new RegistryError(422, 42201, message);

export const invalidVersion = (version: string) =>
  new RegistryError(
    422,
    42202,
    `The specified version '${version}' is not a valid version id. Allowed values are between [1, 2^31-1] and the string "latest"`,
  );

export const invalidCompatibilityLevel = (level: unknown) =>
  new RegistryError(
    422,
    42203,
    `Invalid compatibility level ${JSON.stringify(level)}. Valid values are NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE, FULL, FULL_TRANSITIVE`,
  );

export const operationNotPermitted = (message: string) => new RegistryError(422, 42205, message);

export const badRequest = (message: string) => new RegistryError(400, 400, message);

export const storeError = (message: string) => new RegistryError(500, 50001, message);

export const operationTimeout = (message: string) => new RegistryError(500, 50002, message);
