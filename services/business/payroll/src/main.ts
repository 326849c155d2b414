import { runService, startTracing } from '@hexfleet/platform';
// Tracing first: it must patch pg and http before anything loads them.
startTracing({ serviceName: 'payroll', otlpEndpoint: process.env.OTEL_EXPORTER_OTLP_ENDPOINT });
import { payrollService, PayrollModule } from './payroll.module';

// PROJECTION_SUFFIX: consumer groups of this deployment's own when several share one Kafka (test runs).
const instance = process.env.PROJECTION_SUFFIX?.replace(/^-/, '') || undefined;
void runService(payrollService({ instance }), PayrollModule);
