// One process at a time on an embedded database folder. PGlite has no lock of its own: a second
// process on the same folder (`entpoort import` beside a running `entpoort serve`, say) works on
// its own copy of the pages, never sees the other's writes, and the two overwrite each other's
// files. The lock file holds its owner's process id, as PostgreSQL's postmaster.pid does, so a
// lock left behind by a killed process is taken over at once; a lock kept fresh by time (as
// proper-lockfile's) would make every restart after a crash wait for it to go stale.
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Another live process holds the folder. */
export class EmbeddedDatabaseInUse extends Error {
  override name = 'EmbeddedDatabaseInUse';
  readonly code = 'embedded_database_in_use';
  readonly folder: string;
  readonly pid: number;
  constructor(folder: string, pid: number) {
    super(
      `the embedded database in ${folder} is in use by process ${pid} (a running ` +
        '`entpoort serve`?): stop that process first, or use PostgreSQL (DATABASE_URL)',
    );
    this.folder = folder;
    this.pid = pid;
  }
}

export interface EmbeddedLock {
  release(): Promise<void>;
}

const lockFile = (folder: string) => join(folder, 'pglite.pid');

/** The live process that holds `folder` (this one included), or undefined. */
export async function embeddedDatabaseHolder(folder: string): Promise<number | undefined> {
  let text: string;
  try {
    text = await readFile(lockFile(folder), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const pid = Number(text.trim());
  return Number.isSafeInteger(pid) && pid > 0 && isAlive(pid) ? pid : undefined;
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else, which still holds the folder.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the folder for this process, or throws EmbeddedDatabaseInUse. */
export async function lockEmbeddedDatabase(folder: string): Promise<EmbeddedLock> {
  const file = lockFile(folder);
  // Written aside and linked into place: linking fails when the name exists, so of two
  // processes starting at once one wins, and a reader never sees a half-written id.
  const partial = `${file}.${process.pid}.tmp`;
  await mkdir(folder, { recursive: true });
  await writeFile(partial, `${process.pid}\n`);
  try {
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        await link(partial, file);
        return { release: () => releaseIfOurs(file) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = await embeddedDatabaseHolder(folder);
      if (holder !== undefined) throw new EmbeddedDatabaseInUse(folder, holder);
      // Left by a process that is gone.
      await rm(file, { force: true });
    }
    // Another process took the stale lock over between our two attempts.
    throw new EmbeddedDatabaseInUse(folder, (await embeddedDatabaseHolder(folder)) ?? 0);
  } finally {
    await rm(partial, { force: true });
  }
}

async function releaseIfOurs(file: string): Promise<void> {
  const text = await readFile(file, 'utf8').catch(() => '');
  if (Number(text.trim()) === process.pid) await rm(file, { force: true });
}
