// @ts-nocheck
// npm run bench:server — issue throughput of `credstack serve` (POST /credentials/issue, eddsa-rdfc-2022, one
// revocation status entry each) with autocannon against the embedded database (PGlite) and a real PostgreSQL, next to
// in-process issueCredential measured in the same run. Not a test: numbers depend on the machine.
// BENCH_SECONDS (default 10) per target, BENCH_CONNECTIONS (default 8).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { exportKeyPair, issueCredential } from '../src/index.js';
import { createServer } from '../src/server/index.js';
import { sampleCredential, seededKey } from '../test/helpers.js';
import { startPostgres } from '../test/server/postgres.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const SECRET = 'bench-client-secret-not-a-real-one';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'credstack-bench-'));
const key = await seededKey(9);
const keyFile = path.join(dir, 'issuer.key.json');
fs.writeFileSync(keyFile, JSON.stringify(exportKeyPair(key, { includeSecret: true })), { mode: 0o600 });
const unsigned = () => {
  const c = sampleCredential(key.controller);
  delete c.id;
  return c;
};

async function inProcess(label: string) {
  const t0 = performance.now();
  let n = 0;
  const lat: number[] = [];
  while (performance.now() - t0 < SECONDS * 1000) {
    const s = performance.now();
    await issueCredential({ ...unsigned(), id: `urn:uuid:${crypto.randomUUID()}` }, { key });
    lat.push(performance.now() - s);
    n++;
  }
  lat.sort((a, b) => a - b);
  const rps = n / ((performance.now() - t0) / 1000);
  console.log(`  ${label.padEnd(44)} ${rps.toFixed(1).padStart(8)} credentials/s   p99 ${lat[Math.floor(lat.length * 0.99)]!.toFixed(1)} ms (one at a time)`);
}

async function overHttp(label: string, database: string) {
  const server = await createServer({
    env: {},
    port: 0,
    database,
    dataDir: dir,
    logLevel: 'warn',
    tenants: [{ id: 'bench', keyFile }],
    clients: [{ clientId: 'bench', clientSecret: SECRET, tenant: 'bench', scope: 'vcapi:credentials:issue' }],
    rateLimit: { max: 1e9, timeWindow: 60_000 },
  });
  const url = await server.listen();
  const tr = await fetch(`${url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`bench:${SECRET}`).toString('base64')}` },
    body: 'grant_type=client_credentials&scope=vcapi:credentials:issue',
  });
  const token = ((await tr.json()) as any).access_token;
  const opts = {
    url: `${url}/credentials/issue`,
    method: 'POST' as const,
    connections: CONNECTIONS,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ credential: unsigned() }),
  };
  await autocannon({ ...opts, duration: 2 }); // warm-up
  const r = await autocannon({ ...opts, duration: SECONDS });
  console.log(
    `  ${label.padEnd(44)} ${r.requests.average.toFixed(1).padStart(8)} requests/s     p99 ${r.latency.p99} ms (${CONNECTIONS} connections; ${r.non2xx} non-2xx, ${r.errors} errors)`,
  );
  await server.close();
}

console.log(`credstack bench:server — ${SECONDS} s per target, Node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)}`);
await inProcess('in-process issueCredential');
await overHttp('HTTP, embedded database (PGlite)', path.join(dir, 'db'));
const pg = await startPostgres();
try {
  await overHttp('HTTP, PostgreSQL', pg.url);
} finally {
  pg.stop();
}
await inProcess('in-process issueCredential (again, warm)');
fs.rmSync(dir, { recursive: true, force: true });
