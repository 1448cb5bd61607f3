import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { localStorage, setStorage } from '@/lib/storage';

/** Stores the test file's uploads in a temporary directory, removed afterwards; returns where it is. */
export function temporaryStorage(): () => string {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'pp-files-'));
    setStorage(localStorage(root));
  });
  afterAll(async () => {
    setStorage(undefined);
    await rm(root, { recursive: true, force: true });
  });
  return () => root;
}
