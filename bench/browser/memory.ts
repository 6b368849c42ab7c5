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
    if (kb > largest) {
      largest = kb;
      which = /--type=([a-z-]+)/.exec(cmdline)?.[1] ?? 'browser';
      if (cmdline.includes('--extension-process')) which = `${which} (extension)`;
    }
  }
  return { totalMb: total / 1024, largestMb: largest / 1024, largest: which };
}

/** Samples every `everyMs` until stopped; returns the peaks seen. */
export function watchMemory(profileDir: string, everyMs = 250): () => MemorySample {
  let peak: MemorySample = { totalMb: 0, largestMb: 0, largest: '' };
  const take = () => {
    const now = sampleMemory(profileDir);
    if (now.totalMb > peak.totalMb) peak = { ...peak, totalMb: now.totalMb };
    if (now.largestMb > peak.largestMb) peak = { ...peak, largestMb: now.largestMb, largest: now.largest };
  };
  take();
  // A sampler, not a wait: peaks need samples taken throughout.
  const timer = setInterval(take, everyMs);
  return () => {
    clearInterval(timer);
    take();
    return peak;
  };
}
