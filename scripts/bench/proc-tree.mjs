// CPU time and memory of a process and its descendants (the browser and its renderers), from
// Linux's /proc. Elsewhere these read as `undefined` and the report says so.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const conf = new Map();
function getconf(name, fallback) {
  if (!conf.has(name)) {
    try {
      conf.set(name, Number(execFileSync('getconf', [name], { encoding: 'utf8' }).trim()) || fallback);
    } catch {
      conf.set(name, fallback);
    }
  }
  return conf.get(name);
}

function readStats() {
  const stats = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name, which may itself hold spaces and parentheses.
      const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(entry), { ppid: Number(f[1]), cpuTicks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]), rssPages: Number(f[21]) });
    } catch {
      // The process ended while we looked.
    }
  }
  return stats;
}

/** `{ cpu (ms), rss (bytes) }` summed over `pid` and every process below it, or undefined off Linux. */
export function treeUsage(pid) {
  if (process.platform !== 'linux' || !pid) return undefined;
  const stats = readStats();
  const children = new Map();
  for (const [id, s] of stats) children.set(s.ppid, [...(children.get(s.ppid) ?? []), id]);
  let cpuTicks = 0;
  let rssPages = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const id = stack.pop();
    const s = stats.get(id);
    if (!s) continue;
    cpuTicks += s.cpuTicks;
    rssPages += s.rssPages;
    stack.push(...(children.get(id) ?? []));
  }
  return { cpu: (cpuTicks * 1000) / getconf('CLK_TCK', 100), rss: rssPages * getconf('PAGESIZE', 4096) };
}

/** Samples the tree's memory every `ms` until stopped; `stop()` returns the peak in bytes. */
export function sampleTreeRss(pid, ms = 200) {
  let peak = 0;
  const sample = () => {
    const usage = treeUsage(pid);
    if (usage) peak = Math.max(peak, usage.rss);
  };
  sample();
  const timer = setInterval(sample, ms);
  return () => {
    clearInterval(timer);
    sample();
    return peak || undefined;
  };
}
