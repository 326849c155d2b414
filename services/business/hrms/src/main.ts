import { runService, startTracing } from '@hexfleet/platform';
// Tracing first: it must patch pg and http before anything loads them.
startTracing({ serviceName: 'hrms', otlpEndpoint: process.env.OTEL_EXPORTER_OTLP_ENDPOINT });
import { hrmsService, HrmsModule } from './hrms.module';

// PROJECTION_SUFFIX: consumer groups of this deployment's own when several share one Kafka (test runs).
const instance = process.env.PROJECTION_SUFFIX?.replace(/^-/, '') || undefined;
void runService(hrmsService({ instance }), HrmsModule);
