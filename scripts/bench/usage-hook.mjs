// Loaded with `node --import` into a whole `briefdeck` process: at exit it writes the process's own
// CPU time and peak memory to $BRIEFDECK_BENCH_USAGE, so the bench needs no platform `time` tool.
import { writeFileSync } from 'node:fs';

const target = process.env.BRIEFDECK_BENCH_USAGE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(target, JSON.stringify({ cpu: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRss: usage.maxRSS * 1024 }));
  });
}
