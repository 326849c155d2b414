import { runService, startTracing } from '@hexfleet/platform';
// Tracing first: it must patch pg and http before anything loads them.
startTracing({ serviceName: 'hrms', otlpEndpoint: process.env.OTEL_EXPORTER_OTLP_ENDPOINT });
import { hrmsService, HrmsModule } from './hrms.module';

void runService(hrmsService(), HrmsModule);
