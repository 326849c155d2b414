import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ownerOf, summarizeProfile } from '../src/profile';

const frame = (url: string, functionName = 'f') => ({ url, functionName, lineNumber: 0 });

describe('CPU profile summary', () => {
  it('names the owner of each frame: package, Hexfleet library or service, Node, V8', () => {
    expect(ownerOf(frame('file:///r/node_modules/avsc/lib/types.js'))).toBe('avsc');
    expect(ownerOf(frame('file:///r/node_modules/@nestjs/core/router.js'))).toBe('@nestjs/core');
    expect(ownerOf(frame('file:///r/dist/libs/eventing/src/relay/relay.js'))).toBe('@hexfleet/eventing');
    expect(ownerOf(frame('file:///r/libs/platform/src/commands.ts'))).toBe('@hexfleet/platform');
    expect(ownerOf(frame('file:///r/dist/services/business/hrms/src/main.js'))).toBe('hrms');
    expect(ownerOf(frame('node:internal/streams/writable'))).toBe('node (core)');
    expect(ownerOf(frame('', '(garbage collector)'))).toBe('(garbage collector)');
    expect(ownerOf(frame('', 'writev'))).toBe('(native)');
  });

  it('counts self time per function and owner, idle excluded', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'prof-')), 'p.cpuprofile');
    fs.writeFileSync(
      file,
      JSON.stringify({
        nodes: [
          { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 } },
          { id: 2, callFrame: { functionName: '(idle)', url: '', lineNumber: -1 } },
          {
            id: 3,
            callFrame: { functionName: 'encode', url: 'file:///r/node_modules/avsc/lib/types.js', lineNumber: 9 },
          },
          {
            id: 4,
            callFrame: { functionName: 'query', url: 'file:///r/node_modules/pg/lib/client.js', lineNumber: 1 },
          },
        ],
        // each sample's time is the gap to the next one
        samples: [3, 3, 4, 2, 3],
        timeDeltas: [0, 1000, 1000, 1000, 5000],
      }),
    );
    const summary = summarizeProfile(file, 'test');
    expect(summary.sampledMs).toBe(3);
    expect(summary.byPackage).toEqual([
      { name: 'avsc', selfMs: 2, share: 2 / 3 },
      { name: 'pg', selfMs: 1, share: 1 / 3 },
    ]);
    expect(summary.topFunctions[0]).toMatchObject({ name: 'encode [avsc]', location: 'avsc/lib/types.js:10' });
  });
});
