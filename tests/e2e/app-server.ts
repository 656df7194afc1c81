// Starts the real app for the browser tests: the built API (dotnet test or scripts/test.sh built it)
// serving web/dist, on a fresh SQLite database seeded with the demo data, on a free loopback port.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

const repository = resolve(import.meta.dirname, '..', '..');
let api: ChildProcess | undefined;
let work: string | undefined;

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

export default async function setup(project: TestProject) {
  const dll = join(repository, 'api', 'bin', 'Debug', 'net10.0', 'Jiceng.Api.dll');
  const spa = join(repository, 'web', 'dist', 'index.html');
  if (!existsSync(dll) || !existsSync(spa)) {
    throw new Error(`Build first: ${existsSync(dll) ? '' : dll} ${existsSync(spa) ? '' : spa}`);
  }
  work = mkdtempSync(join(tmpdir(), 'jiceng-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  api = spawn('dotnet', [dll, '--urls', baseUrl], {
    cwd: repository,
    env: {
      ...process.env,
      ASPNETCORE_ENVIRONMENT: 'Development',
      ConnectionStrings__Default: `Data Source=${join(work, 'e2e.db')}`,
      Demo__SeedDirectory: join(repository, 'scripts', 'seed'),
      Spa__Root: join(repository, 'web', 'dist'),
      Security__KeyFile: join(work, 'keys.json'),
      // Every test signs in as the same few demo users; the limits themselves are tested in the .NET suite.
      RateLimiting__SignInPermitLimit: '1000',
      RateLimiting__PermitLimit: '100000',
      Logging__LogLevel__Default: 'Warning',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // Up to four minutes: a fresh start seeds the whole demo through the commands (volunteering's are the most).
  for (let attempt = 0; attempt < 480; attempt++) {
    try {
      if ((await fetch(`${baseUrl}/health/ready`)).ok) {
        project.provide('baseUrl', baseUrl);
        return teardown;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await teardown();
  throw new Error('The app did not become ready.');
}

async function teardown() {
  api?.kill();
  if (work) {
    rmSync(work, { recursive: true, force: true });
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
