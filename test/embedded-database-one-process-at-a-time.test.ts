// The embedded database folder is held by one process at a time: a second opener, in this
// process or another, is refused with the holder's pid, and a lock left by a killed process is
// taken over at once.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/store/database.ts';
import {
  EmbeddedDatabaseInUse,
  embeddedDatabaseHolder,
  lockEmbeddedDatabase,
} from '../src/store/embeddedLock.ts';

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'entpoort-lock-'));
});
afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

const folder = (name: string) => join(scratch, name);

/** A process that sleeps until killed. */
function sleeper() {
  return spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
}

describe('the embedded database lock', () => {
  it('names this process as holder, refuses a second lock, and is gone once released', async () => {
    const dir = folder('same-process');
    const lock = await lockEmbeddedDatabase(dir);
    expect(await embeddedDatabaseHolder(dir)).toBe(process.pid);
    const second = await lockEmbeddedDatabase(dir).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(EmbeddedDatabaseInUse);
    expect(second).toMatchObject({ pid: process.pid, code: 'embedded_database_in_use' });
    await lock.release();
    expect(await embeddedDatabaseHolder(dir)).toBeUndefined();
    await (await lockEmbeddedDatabase(dir)).release();
  });

  it('refuses while another live process holds it, takes it over once that died', async () => {
    const dir = folder('other-process');
    const other = sleeper();
    try {
      await once(other, 'spawn');
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, 'pglite.pid'), `${other.pid}\n`);
      const refused = await lockEmbeddedDatabase(dir).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(EmbeddedDatabaseInUse);
      expect((refused as Error).message).toContain(`in use by process ${other.pid}`);
    } finally {
      other.kill('SIGKILL');
      await once(other, 'exit');
    }
    expect(await embeddedDatabaseHolder(dir)).toBeUndefined();
    const lock = await lockEmbeddedDatabase(dir);
    expect(await readFile(join(dir, 'pglite.pid'), 'utf8')).toBe(`${process.pid}\n`);
    await lock.release();
  });

  it('leaves a lock that another process has taken since', async () => {
    const dir = folder('taken-since');
    const lock = await lockEmbeddedDatabase(dir);
    const other = sleeper();
    try {
      await once(other, 'spawn');
      await writeFile(join(dir, 'pglite.pid'), `${other.pid}\n`);
      await lock.release();
      expect(await embeddedDatabaseHolder(dir)).toBe(other.pid);
    } finally {
      other.kill('SIGKILL');
      await once(other, 'exit');
    }
  });
});

describe('opening the embedded database', () => {
  it('refuses a second opener of the same folder until the first closes', async () => {
    const dataDir = folder('database');
    const first = await openDatabase({ dataDir });
    await expect(openDatabase({ dataDir })).rejects.toBeInstanceOf(EmbeddedDatabaseInUse);
    await first.close();
    const second = await openDatabase({ dataDir });
    await second.ping();
    await second.close();
  });
});
