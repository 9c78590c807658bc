import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every route file under app/api, with its path. */
function routeFiles(dir = join(process.cwd(), 'app', 'api')): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return routeFiles(path);
    return name === 'route.ts' ? [path] : [];
  });
}

describe('every route handler says what it does', () => {
  it('exports each HTTP method through guardRoute(read|change) or publicRoute, and nothing else', () => {
    const files = routeFiles();
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      const methods = [...source.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b[^\n]*/g)];
      // A route file exports one method or more; which ones is each route's business.
      expect(methods.length, file).toBeGreaterThan(0);
      for (const [line] of methods) expect(line, file).toMatch(/= (guardRoute\('(read|change)'|publicRoute\()/);
    }
    const publicOnes = files.filter((f) => readFileSync(f, 'utf8').includes('publicRoute('));
    // Signing in and out, and the health endpoint of a container healthcheck (read-only, secret-free).
    expect(publicOnes.map((f) => f.slice(f.indexOf('app/api'))).sort()).toEqual([
      'app/api/auth/login/route.ts',
      'app/api/auth/logout/route.ts',
      'app/api/health/route.ts',
    ]);
  });
});
