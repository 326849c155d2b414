// Loaded into a service under benchmark with NODE_OPTIONS=--require (Node refuses
// --cpu-prof there). The first SIGUSR2 starts V8's sampling profiler, the next
// stops it and writes the profile to BENCH_CPU_PROFILE, so the profile covers
// exactly the load the harness chose, not start-up or shutdown.
const fs = require('node:fs');
const inspector = require('node:inspector');

const file = process.env.BENCH_CPU_PROFILE;
if (file) {
  // The harness signals this pid (the service's own, not its launcher's).
  fs.writeFileSync(`${file}.pid`, String(process.pid));
  const session = new inspector.Session();
  session.connect();
  let running = false;
  process.on('SIGUSR2', () => {
    if (!running) {
      running = true;
      session.post('Profiler.enable', () =>
        session.post('Profiler.setSamplingInterval', { interval: 500 }, () => session.post('Profiler.start')),
      );
      return;
    }
    running = false;
    session.post('Profiler.stop', (error, result) => {
      const temporary = `${file}.tmp`;
      fs.writeFileSync(temporary, error ? JSON.stringify({ error: String(error) }) : JSON.stringify(result.profile));
      fs.renameSync(temporary, file);
    });
  });
}
