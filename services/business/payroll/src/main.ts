import { runService, startTracing } from '@hexfleet/platform';
// Tracing first: it must patch pg and http before anything loads them.
startTracing({ serviceName: 'payroll', otlpEndpoint: process.env.OTEL_EXPORTER_OTLP_ENDPOINT });
import { payrollService, PayrollModule } from './payroll.module';

void runService(payrollService(), PayrollModule);
