/** The Markdown table of a results file: generated from it, never written by hand. */
export function toMarkdown(r: any): string {
  const rows = r.workloads.map(
    (w: any) =>
      `| ${w.id} | ${w.name} | ${w.result.throughput} | ${w.result.p50} | ${w.result.p97_5} | ${w.result.p99} | ${w.result.errors + w.result.non2xx} | ${w.peakRssMb} | ${w.ceiling} (${Math.round(w.ceilingPerSecond)}/s) | ${w.ratio ?? '–'} | ${w.loadavg?.[0] ?? '–'} | ${w.goal} |`,
  );
  const ceil = r.ceilings.map(
    (c: any) => `| ${c.name} | ${Math.round(c.perSecond)} | ${c.p99Ms ?? '–'} | ${c.concurrency} |`,
  );
  return [
    `# Benchmark — tier ${r.tier} (${r.dataset.cases.toLocaleString('en')} cases)`,
    '',
    `Commit ${r.commit}${r.dirty ? ' (with uncommitted changes)' : ''}, ${r.date}, Node ${r.node}, ${r.machine.cpus} cores. ` +
      `${r.settings.connections} connections, ${r.settings.duration} s per workload after ${r.settings.warmup} s warm-up; ` +
      'app, PostgreSQL and load generator on one machine. Latencies in ms; autocannon reports p97.5 (not p95).',
    '',
    `Dataset: ${JSON.stringify(r.dataset.rows)} rows, loaded at ${r.dataset.rowsPerSecond} rows/s (${r.dataset.casesPerSecond} cases/s) ` +
      `in ${(r.dataset.seconds / 60).toFixed(1)} min, ${(r.dataset.diskBytes / 1e9).toFixed(2)} GB on disk. ` +
      `The rows the case-write hooks keep in step (overview rollups and keys, search entries, grid stamps, timers of open cases, phone blind indexes) ` +
      `are built by the modules' own functions during the load (${r.dataset.deriveSeconds ?? '–'} s of Node time within it); ` +
      `secondary indexes and foreign keys are dropped before COPY and put back from their own definitions after (${r.dataset.indexSeconds ?? '–'} s).`,
    '',
    r.check
      ? `Checked before the run: ${r.check.figures.map((f: any) => `${f.name} (${f.total.toLocaleString('en')} cases)`).join('; ')} — the overview rollups equal a direct count over the cases; every case has its search entry and rollup keys.`
      : '',
    '',
    `Machine load (os.loadavg 1/5/15 min) at the start: ${r.loadAtStart?.join(' / ') ?? '–'} on ${r.machine.cpus} cores — other engineers' tests share this machine; the load column is the 1-minute figure as each workload started.` +
      (r.timerCatchUp
        ? ` Before the workloads the deadlines job fired the ${r.timerCatchUp.dueAtStart} timers already due (${r.timerCatchUp.seconds} s, ${r.timerCatchUp.left} left).`
        : ''),
    '',
    '| ceiling | per second | p99 ms | concurrency |',
    '|---|---|---|---|',
    ...ceil,
    '',
    '| # | workload | req/s | p50 | p97.5 | p99 | errors + non-2xx | peak RSS MB | compared with | ratio | load | goal |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `Footprint (P8): cold start ${r.footprint.coldStartMs} ms to /readyz; RSS idle ${r.footprint.idleRssMb} MB, peak ${r.footprint.peakRssMb} MB.`,
    '',
  ].join('\n');
}
