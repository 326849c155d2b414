// @hexfleet/platform: what turns a NestJS service module into a running Hexfleet service.
export { AuthGuard, Caller, Public, Roles, TokenVerifier } from './auth';
export type { TokenVerifierOptions } from './auth';
export { createService, runService } from './bootstrap';
export type { RunningService, ServiceOptions } from './bootstrap';
export { Commands, Consistency, idempotentCommandId } from './commands';
export type { CommandRequest } from './commands';
export { runStreamTransaction } from './transaction';
export type { LoadedStream, StreamTransaction, TransactionOutcome } from './transaction';
export { ConfigError, edgeEnv, loadConfig, serviceEnv, urlVariable } from './config';
export type { PlatformEnv } from './config';
export { hasRole, reachesSchool, requestContext, schoolsWhere } from './context';
export type { GrantScope, Principal, RequestContext, ScopedGrant } from './context';
export { createLogger, PinoNestLogger } from './logger';
export { ServiceMetrics } from './metrics';
export { PLATFORM_ENV, PlatformModule } from './platform.module';
export { ProblemDetailsFilter, UuidParam, ValidationProblem, validationFields } from './problem';
export type { Problem } from './problem';
export { consumerGroups, ServiceRuntime } from './runtime';
export type { ServiceDefinition } from './runtime';
export { startTracing } from './tracing';
export type { Tracing, TracingOptions } from './tracing';
export {
  BooleanField,
  DateField,
  EmailField,
  EnumField,
  IdParam,
  IntField,
  MONTH,
  MonthField,
  PatternField,
  TextField,
  UuidField,
} from './fields';
export type { FieldDoc } from './fields';
export { commonOptions, named } from './composition';
export type { CommonOptions, ServiceComposition } from './composition';
export { InternalOperation } from './audience';
export type { InternalAudience } from './audience';
export { calendarDay, TimeAndIds } from './time-and-ids';
export { Later } from './later';
export { Streams } from './streams';
export { createPrivateTables } from './private-tables';
