import fs from 'node:fs';
import path from 'node:path';
import { buildStamp, presentWebApps, WEB_APPS } from '../src/web';

const ROOT = path.resolve(__dirname, '..', '..', '..');

describe("npm run dev's web apps", () => {
  it('finds the business app in this checkout, on port 3100, written as BUSINESS_WEB_URL', () => {
    expect(presentWebApps()).toContain('business');
    expect(WEB_APPS.business).toEqual({ project: 'frontends/business', envVar: 'BUSINESS_WEB_URL', port: 3100 });
  });

  it('rebuilds when a source of the app or of libs/ui changes, and reuses the build otherwise', () => {
    const before = buildStamp('business');
    expect(buildStamp('business')).toBe(before);
    const file = path.join(ROOT, 'libs/ui/src/stamp-probe.ts');
    fs.writeFileSync(file, '// a change\n');
    try {
      expect(buildStamp('business')).not.toBe(before);
    } finally {
      fs.rmSync(file);
    }
    expect(buildStamp('business')).toBe(before);
  });
});
