// The bench's table, growth ratios and target checks, from the results object bench.mjs builds.
import { get } from './stats.mjs';

const MB = 2 ** 20;

const ms = (v) => (v === undefined ? '–' : v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`);
const mb = (v) => (v === undefined ? '–' : `${Math.round(v / MB)} MB`);
const num = (v) => (v === undefined || !Number.isFinite(v) ? '–' : Math.round(v).toLocaleString('en'));
const ratio = (v) => (v === undefined || !Number.isFinite(v) ? '–' : `${v.toFixed(2)}×`);

/** Rows: [label, function of one scale's results → cell text]. A phase not run shows its reason. */
const ROWS = [
  ['words', (r) => num(r.words)],
  ['slides', (r) => num(r.slides)],
  ['HTML in-process, cold (wall)', (r) => ms(get(r, 'html.cold.wall'))],
  ['HTML in-process, warm (wall / CPU)', (r) => `${ms(get(r, 'html.warm.wall.median'))} / ${ms(get(r, 'html.warm.cpu.median'))}`],
  ['no-change rebuild (up-to-date skip, wall)', (r) => ms(get(r, 'html.unchanged.wall.median'))],
  ['HTML slides per second (warm)', (r) => num(r.slides / (get(r, 'html.warm.wall.median') / 1000))],
  ['`briefdeck build` process (wall / CPU)', (r) => `${ms(get(r, 'cli.wall.median'))} / ${ms(get(r, 'cli.cpu.median'))}`],
  ['`briefdeck build` peak memory', (r) => mb(get(r, 'cli.maxRss.median'))],
  ['browser launch (once per run)', (r) => ms(get(r, 'launch.wall'))],
  ['fit: whole compose with fit (wall)', (r) => ms(get(r, 'fit.wall.median'))],
  ['fit: measuring rounds (ms / rounds / overflowing)', (r) => `${ms(get(r, 'fit.fitMs.median'))} / ${num(get(r, 'fit.rounds'))} / ${num(get(r, 'fit.overflow'))}`],
  ['slide PDF export (wall)', (r) => ms(get(r, 'pdf.exportMs.median'))],
  ['PDF: Node CPU / browser CPU', (r) => `${ms(get(r, 'pdf.cpu.median'))} / ${ms(get(r, 'pdf.browserCpu.median'))}`],
  ['PDF pages per second', (r) => num(get(r, 'pdf.pages') / (get(r, 'pdf.exportMs.median') / 1000))],
  ['floor: static load + print (wall)', (r) => `${ms(get(r, 'floor.wall.median'))} (print ${ms(get(r, 'floor.printMs.median'))})`],
  ['PDF export ÷ floor', (r) => ratio(get(r, 'pdf.exportMs.median') / get(r, 'floor.wall.median'))],
  ['handout export (wall / pages)', (r) => `${ms(get(r, 'handout.exportMs.median'))} / ${num(get(r, 'handout.pages'))}`],
  ['PowerPoint export (wall / slides)', (r) => `${ms(get(r, 'pptx.exportMs.median'))} / ${num(get(r, 'pptx.slides'))}`],
  ['load average when the scale started', (r) => (r.load ? r.load.map((v) => v.toFixed(1)).join(' ') : '–')],
  ['peak memory: Node / browser', (r) => `${mb(r.maxRss)} / ${mb(r.browserPeakRss)}`],
];

/** Time at each scale divided by time at 1×, for the measures that should grow linearly. */
export function growth(results) {
  const base = results.find((r) => r.scale === 1);
  const measures = { 'HTML warm': 'html.warm.wall.median', 'HTML CPU': 'html.warm.cpu.median', 'build process': 'cli.wall.median', fit: 'fit.wall.median', 'PDF export': 'pdf.exportMs.median', handout: 'handout.exportMs.median', pptx: 'pptx.exportMs.median' };
  const out = {};
  for (const [name, key] of Object.entries(measures)) {
    out[name] = Object.fromEntries(results.filter((r) => r !== base).map((r) => [`${r.scale}x`, base && get(r, key) / get(base, key)]));
  }
  return out;
}

/** The targets, each with what was measured and whether it holds. */
export function targets(results, batch, cores, reload) {
  const at = (scale) => results.find((r) => r.scale === scale);
  const list = [];
  const check = (name, measured, ok, shown) => measured !== undefined && !Number.isNaN(measured) && list.push({ name, measured: shown ?? measured, ok });
  check('`briefdeck build` of the example < 400 ms', get(at(1), 'cli.wall.median'), get(at(1), 'cli.wall.median') < 400, ms(get(at(1), 'cli.wall.median')));
  check('in-process build, warm < 50 ms', get(at(1), 'html.warm.wall.median'), get(at(1), 'html.warm.wall.median') < 50, ms(get(at(1), 'html.warm.wall.median')));
  for (const r of results) {
    const x = get(r, 'pdf.exportMs.median') / get(r, 'floor.wall.median');
    check(`PDF export ≤ 1.3× the floor (${r.scale}×)`, x, x <= 1.3, ratio(x));
  }
  if (batch) {
    check(`one browser launch for ${batch.copies} briefs`, batch.launches, batch.launches === 1, String(batch.launches));
    check(`parallel pages, at most ${cores} (the cores)`, batch.peakPages, batch.peakPages <= cores && (cores === 1 || batch.peakPages > 1), String(batch.peakPages));
  }
  if (reload) check(`edit-to-reload under \`serve\` < ${reload.targetMs} ms (median of ${reload.edits} edits)`, reload.median, reload.median < reload.targetMs, ms(reload.median));
  const big = at(100);
  if (big) {
    check('100×: `briefdeck build` < 3 s', get(big, 'cli.wall.median'), get(big, 'cli.wall.median') < 3000, ms(get(big, 'cli.wall.median')));
    const fitPdf = get(big, 'fit.wall.median') + get(big, 'pdf.exportMs.median');
    check('100×: fit + PDF < 60 s', fitPdf, fitPdf < 60_000, ms(fitPdf));
    const peak = Math.max(big.maxRss ?? 0, get(big, 'cli.maxRss.median') ?? 0);
    check('100×: peak memory (Node) < 1 GB', peak, peak < 2 ** 30, mb(peak));
  }
  for (const [name, byScale] of Object.entries(growth(results))) {
    const g = byScale['10x'];
    if (g !== undefined) check(`growth at 10× input ≤ 12× (${name})`, g, g <= 12, ratio(g));
  }
  return list;
}

function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => String(row[c]).length)));
  return rows.map((row) => `| ${row.map((cell, c) => String(cell).padEnd(widths[c])).join(' | ')} |`).join('\n');
}

/** The whole report as Markdown, so it can be pasted into the README as it is. */
export function formatReport(report) {
  const header = ['measure', ...report.results.map((r) => `${r.scale}×`)];
  const rows = ROWS.map(([label, cell]) => [label, ...report.results.map((r) => cell(r))]);
  const load = (l) => (l ? l.map((v) => v.toFixed(1)).join(' ') : '–');
  const { loadBefore, loadAfter, cores } = report.machine;
  const busy = Math.max(loadBefore?.[0] ?? 0, loadAfter?.[0] ?? 0) > cores ? ' — busier than the cores: wall times are inflated, CPU times less so' : '';
  const lines = [`Load average (1, 5, 15 min) at the start ${load(loadBefore)}, at the end ${load(loadAfter)}, on ${cores} cores${busy}.`, ''];
  lines.push(table([header, header.map(() => '---'), ...rows]), '');
  const base = report.nodeBaseline;
  if (base) lines.push(`Node start-up alone (\`node -e 0\`), for scale: ${ms(base.wall?.median)} wall, ${ms(base.cpu?.median)} CPU.`, '');
  const growthRows = Object.entries(report.growth).map(([name, byScale]) => [name, ...Object.values(byScale).map(ratio)]);
  if (growthRows.length > 0 && report.results.length > 1) {
    lines.push(table([['growth vs 1×', ...Object.keys(Object.values(report.growth)[0])], ['---', ...Object.keys(Object.values(report.growth)[0]).map(() => '---')], ...growthRows]), '');
  }
  if (report.reload) {
    const r = report.reload;
    lines.push(`Edit-to-reload under \`serve\` (example brief, fit included, ${r.edits} edits): median ${ms(r.median)}, p90 ${ms(r.p90)}, min ${ms(r.min)}, max ${ms(r.max)}; the rebuild's share: median ${ms(r.rebuildMedian ?? undefined)}; load ${r.load.toFixed(1)}.`, '');
  }
  if (report.batch) {
    const b = report.batch;
    lines.push(`Batch: ${b.copies} briefs with --pdf in one process: ${ms(b.wall?.median)} wall, ${b.launches} browser launch(es), at most ${b.peakPages} pages at once (${report.machine.cores} cores).`, '');
  }
  lines.push(...report.targets.map((t) => `${t.ok ? '✓' : '✗'} ${t.name}: ${t.measured}`));
  return lines.join('\n');
}

/** The side-by-side phase: median pair ratios against Marp CLI, with their targets and the load. */
export function formatMarp(marp) {
  const load = (l) => l.map((v) => v.toFixed(1)).join(' ');
  const row = (what, r, target) => `| ${what} | ${r.ours} ms | ${r.theirs} ms | ${r.ratio}× | ≤ ${target}× ${r.ratio <= target ? '✓' : '✗'} |`;
  return [
    `Side by side with ${marp.marp}, ${marp.pairs} alternating cold pairs (load ${load(marp.loadBefore)} → ${load(marp.loadAfter)})`,
    '',
    '| run | briefdeck (median) | Marp (median) | median of pair ratios | target |',
    '|---|---|---|---|---|',
    row('HTML (`build --no-fit` / `marp`)', marp.html, 0.5),
    row('PDF, fit included (`build --pdf` / `marp --pdf`)', marp.pdf, 1.0),
  ].join('\n');
}
