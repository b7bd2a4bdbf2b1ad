import { execFile } from 'node:child_process';
import { mkdtemp, open, rm, statfs, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A real filesystem of a few megabytes (tmpfs, mounted for the test), so SQLite meets a full disk the
 * way it does in production: ENOSPC from the kernel, not a mocked error. Needs root (CI runs as root).
 */
export class SmallFilesystem {
  private readonly filler: string;

  private constructor(readonly path: string) {
    this.filler = join(path, 'filler.bin');
  }

  /** Mounts one, or answers why it cannot here (so the test can say why it is skipped). */
  static async mount(sizeMb: number, options: { readOnly?: boolean } = {}): Promise<SmallFilesystem | { unavailable: string }> {
    if (process.platform !== 'linux') return { unavailable: 'needs Linux tmpfs' };
    if (typeof process.getuid === 'function' && process.getuid() !== 0) return { unavailable: 'needs root to mount a tmpfs (CI runs as root)' };
    const path = await mkdtemp(join(tmpdir(), 'gp-small-fs-'));
    try {
      await run('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m${options.readOnly ? ',ro' : ''}`, 'tmpfs', path]);
    } catch (error) {
      await rm(path, { recursive: true, force: true });
      return { unavailable: `mount -t tmpfs failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
    }
    return new SmallFilesystem(path);
  }

  async freeKb(): Promise<number> {
    const stats = await statfs(this.path);
    return Math.floor((stats.bavail * stats.bsize) / 1024);
  }

  /** Takes all but about `leaveKb` of the free space (the api may be writing meanwhile). */
  async fill(leaveKb: number): Promise<void> {
    const file = await open(this.filler, 'w');
    const chunk = Buffer.alloc(64 * 1024);
    let written = 0;
    try {
      while ((await this.freeKb()) > leaveKb + chunk.length / 1024) {
        await file.write(chunk);
        written += chunk.length;
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      // Ran out first: give back the room that was meant to be left.
      await file.truncate(Math.max(0, written - leaveKb * 1024));
    } finally {
      await file.close();
    }
  }

  /** Gives the space back. */
  async free(): Promise<void> {
    await unlink(this.filler).catch(() => undefined);
  }

  async unmount(): Promise<void> {
    await run('umount', ['-l', this.path]).catch(() => undefined);
    await rm(this.path, { recursive: true, force: true });
  }
}
