/**
 * Memory of one Chromium instance, from Linux's /proc: every process whose command line names the
 * instance's profile folder (browser, renderers with their workers, GPU and utility processes).
 * PSS (proportional set size) counts shared pages once across processes, so the sum is the
 * instance's real footprint.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface MemorySample {
  totalMb: number;
  /** The largest process (for the options page: its renderer, which also runs the import worker). */
  largestMb: number;
  largest: string;
  /**
   * PSS by kind of process, MB: `browser` (it holds IndexedDB's LevelDB and the blobs large values
   * travel as), `renderer (extension)` (options page, import worker, background), `gpu-process`,
   * `utility`, other renderers. For a peak: the split at the moment of the instance's peak.
   */
  byKind: Record<string, number>;
}

function pssKb(pid: string): number {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    return Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0);
  } catch {
    return 0; // the process ended between the listing and the read
  }
}

export function sampleMemory(profileDir: string): MemorySample {
  let total = 0;
  let largest = 0;
  let which = '';
  const byKind: Record<string, number> = {};
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    if (!cmdline.includes(profileDir)) continue;
    const kb = pssKb(pid);
    total += kb;
    let kind = /--type=([a-z-]+)/.exec(cmdline)?.[1] ?? 'browser';
    if (cmdline.includes('--extension-process')) kind = `${kind} (extension)`;
    byKind[kind] = (byKind[kind] ?? 0) + kb / 1024;
    if (kb > largest) {
      largest = kb;
      which = kind;
    }
  }
  return { totalMb: total / 1024, largestMb: largest / 1024, largest: which, byKind };
}

/** The split of a sample, largest first: "browser 310 MB, renderer (extension) 420 MB, …". */
export function splitText(sample: MemorySample): string {
  return Object.entries(sample.byKind)
    .sort(([, a], [, b]) => b - a)
    .map(([kind, mb]) => `${kind} ${Math.round(mb)} MB`)
    .join(', ');
}

/** Samples every `everyMs` until stopped; returns the peaks seen (the split: at the total's peak). */
export function watchMemory(
  profileDir: string,
  everyMs = 250,
): () => MemorySample & { kindPeaks: Record<string, number> } {
  let peak: MemorySample = { totalMb: 0, largestMb: 0, largest: '', byKind: {} };
  const kindPeaks: Record<string, number> = {};
  const take = () => {
    const now = sampleMemory(profileDir);
    if (now.totalMb > peak.totalMb) peak = { ...peak, totalMb: now.totalMb, byKind: now.byKind };
    if (now.largestMb > peak.largestMb) peak = { ...peak, largestMb: now.largestMb, largest: now.largest };
    for (const [kind, mb] of Object.entries(now.byKind)) kindPeaks[kind] = Math.max(kindPeaks[kind] ?? 0, mb);
  };
  take();
  // A sampler, not a wait: peaks need samples taken throughout.
  const timer = setInterval(take, everyMs);
  return () => {
    clearInterval(timer);
    take();
    return { ...peak, kindPeaks };
  };
}
