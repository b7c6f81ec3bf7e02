/** The Markdown table of a results file: generated from it, never written by hand. */
export function toMarkdown(r: any): string {
  const rows = r.workloads.map(
    (w: any) =>
      `| ${w.id} | ${w.name} | ${w.result.throughput} | ${w.result.p50} | ${w.result.p97_5} | ${w.result.p99} | ${w.result.errors + w.result.non2xx} | ${w.peakRssMb} | ${w.ceiling} (${w.ceilingPerSecond}/s) | ${w.ratio ?? '–'} | ${w.goal} |`,
  );
  const ceil = r.ceilings.map(
    (c: any) => `| ${c.name} | ${c.perSecond} | ${c.p99Ms ?? '–'} | ${c.concurrency} |`,
  );
  return [
    `# Benchmark — tier ${r.tier} (${r.dataset.cases.toLocaleString('en')} cases)`,
    '',
    `Commit ${r.commit}${r.dirty ? ' (with uncommitted changes)' : ''}, ${r.date}, Node ${r.node}, ${r.machine.cpus} cores. ` +
      `${r.settings.connections} connections, ${r.settings.duration} s per workload after ${r.settings.warmup} s warm-up; ` +
      'app, PostgreSQL and load generator on one machine. Latencies in ms; autocannon reports p97.5 (not p95).',
    '',
    `Dataset: ${JSON.stringify(r.dataset.rows)} rows, loaded at ${r.dataset.rowsPerSecond} rows/s (${r.dataset.casesPerSecond} cases/s), ${(r.dataset.diskBytes / 1e9).toFixed(2)} GB on disk.`,
    '',
    '| ceiling | per second | p99 ms | concurrency |',
    '|---|---|---|---|',
    ...ceil,
    '',
    '| # | workload | req/s | p50 | p97.5 | p99 | errors + non-2xx | peak RSS MB | compared with | ratio | goal |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `Footprint (P8): cold start ${r.footprint.coldStartMs} ms to /readyz; RSS idle ${r.footprint.idleRssMb} MB, peak ${r.footprint.peakRssMb} MB.`,
    '',
  ].join('\n');
}
