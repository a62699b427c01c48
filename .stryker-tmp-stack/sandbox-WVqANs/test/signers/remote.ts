// @ts-nocheck
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { KeyPair, Signer } from '../../src/index.js';
import { exportKeyPair } from '../../src/index.js';

/** A Signer whose key lives in a child process (the stand-in for a KMS): sign() is an IPC round trip. */
export async function startRemoteSigner(key: KeyPair, opts: { failAt?: number } = {}): Promise<{ signer: Signer; stats: () => Promise<{ requests: number; signed: number }>; stop: () => Promise<void> }> {
  const child: ChildProcess = fork(fileURLToPath(new URL('./remote-signer-process.mjs', import.meta.url)), [JSON.stringify(exportKeyPair(key, { includeSecret: true })), String(opts.failAt ?? 0)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  let next = 0;
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('message', () => resolve());
  });
  child.on('message', (m: any) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.error) p.reject(new Error(m.error));
    else p.resolve(m.stats ?? new Uint8Array(Buffer.from(m.signature, 'base64')));
  });
  const call = (msg: Record<string, unknown>) =>
    new Promise<any>((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject });
      child.send({ ...msg, id });
    });
  const algorithm = key.publicKeyMultibase.startsWith('zDn') ? 'P-256' : 'Ed25519';
  return {
    signer: { id: key.id, algorithm, sign: (data) => call({ type: 'sign', data: Buffer.from(data).toString('base64') }) },
    stats: () => call({ type: 'stats' }),
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill();
        await exited;
      }
    },
  };
}
