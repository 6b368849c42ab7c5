import { Worker } from 'node:worker_threads';

export interface FileHash {
  sha256: string;
  size: number;
}

/**
 * The worker's code, plain CommonJS so that it needs no loader: reads each file a chunk at a
 * time (memory stays flat whatever its size) and posts its SHA-256 and size, in order.
 */
const HASH_FILES = `
const { createHash } = require('node:crypto');
const { closeSync, openSync, readSync } = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const buffer = Buffer.allocUnsafe(1 << 20);
for (const path of workerData) {
  try {
    const hash = createHash('sha256');
    let size = 0;
    const fd = openSync(path, 'r');
    try {
      for (;;) {
        const read = readSync(fd, buffer, 0, buffer.length, null);
        if (read === 0) break;
        hash.update(buffer.subarray(0, read));
        size += read;
      }
    } finally {
      closeSync(fd);
    }
    parentPort.postMessage({ path, sha256: hash.digest('hex'), size });
  } catch (error) {
    parentPort.postMessage({ path, error: String(error && error.message || error) });
  }
}
`;

type Answer = { path: string; sha256: string; size: number } | { path: string; error: string };

/**
 * Hashes report files on a second thread while the command loads its code and reads the files
 * before them. A file's SHA-256 is its import id, which every record carries, so a file is only
 * parsed once its hash is known; hashing in the same thread took a pass over the file (about 0.15 s
 * of CPU on a 147 MB export) before parsing could start.
 */
export class FileHashes {
  private readonly answers = new Map<string, Promise<FileHash>>();

  constructor(paths: readonly string[]) {
    const unique = [...new Set(paths)];
    if (unique.length === 0) return;
    const settle = new Map<string, { resolve: (hash: FileHash) => void; reject: (error: Error) => void }>();
    for (const path of unique) {
      const answer = new Promise<FileHash>((resolve, reject) => settle.set(path, { resolve, reject }));
      // Reported to whoever awaits it; a file never awaited (a usage error first) is not an error.
      answer.catch(() => {});
      this.answers.set(path, answer);
    }
    const worker = new Worker(HASH_FILES, { eval: true, workerData: unique });
    worker.unref();
    worker.on('message', (answer: Answer) => {
      const waiting = settle.get(answer.path);
      settle.delete(answer.path);
      if (!waiting) return;
      if ('error' in answer) waiting.reject(new Error(`${answer.path}: ${answer.error}`));
      else waiting.resolve({ sha256: answer.sha256, size: answer.size });
    });
    const failAll = (error: Error) => {
      for (const waiting of settle.values()) waiting.reject(error);
      settle.clear();
    };
    worker.on('error', failAll);
    worker.on('exit', () => failAll(new Error('the hashing thread stopped before hashing every file')));
  }

  /** The file's hash, from the thread when it was given to it, else computed here. */
  get(path: string): Promise<FileHash> | undefined {
    return this.answers.get(path);
  }
}
