// A backup is only as good as its restore: make data through the API (cases, a timeline, an
// attachment, audit entries), back it up the documented way, restore it elsewhere, and compare
// every table's count, every file's SHA-256 and the audit chain (docs/operations/backup-restore.md).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { openPglite, openPostgres } from '../db/client.ts';
import { compareFigures, takeFigures } from '../db/figures.ts';
import { buildTestApp, type TestApp } from '../test/app.ts';
import { createPostgresDatabase } from '../test/database.ts';
import { act, submit } from '../test/flow.ts';

async function makeHistory(t: TestApp): Promise<void> {
  const c = await submit(t, 'dispatcher');
  await act(t, 'dispatcher', c.id, 'accept');
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
  const r = await t.call({
    method: 'POST',
    url: `/api/v1/cases/${c.id}/attachments?name=协议.pdf`,
    as: 'dispatcher',
    payload: pdf,
    headers: { 'content-type': 'application/pdf' },
  });
  assert.equal(r.statusCode, 201, r.body);
  await submit(t, '13900000001');
}

const scratch = () => mkdtempSync(join(tmpdir(), 'hewei-restore-'));

describe('backup and restore', () => {
  it('embedded: a copy of the stopped data directory starts whole', async () => {
    const dir = scratch();
    try {
      const t = await buildTestApp(await openPglite(join(dir, 'live')));
      await makeHistory(t);
      const before = await takeFigures(t.deps.db, join(t.dataDir, 'files'));
      assert.ok(before.files.checked >= 1 && before.tables.cases >= 2 && before.audit.entries > 0);
      cpSync(join(t.dataDir, 'files'), join(dir, 'backup', 'files'), { recursive: true });
      await t.close(); // stop, then copy the database directory
      cpSync(join(dir, 'live', 'pglite'), join(dir, 'backup', 'pglite'), { recursive: true });

      const restored = await openPglite(join(dir, 'backup'));
      try {
        const after = await takeFigures(restored.db, join(dir, 'backup', 'files'));
        assert.deepEqual(compareFigures(before, after), []);
      } finally {
        await restored.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the check notices a lost file, a changed file and a missing row', async () => {
    const t = await buildTestApp();
    try {
      await makeHistory(t);
      const files = join(t.dataDir, 'files');
      const before = await takeFigures(t.deps.db, files);
      const [a] = (await t.deps.db.execute('select storage_key from attachments')).rows as {
        storage_key: string;
      }[];
      const other = scratch();
      cpSync(files, other, { recursive: true });
      rmSync(join(other, a.storage_key));
      const lost = await takeFigures(t.deps.db, other);
      assert.deepEqual(compareFigures(before, lost), [`file missing: ${a.storage_key}`]);
      const changed = { ...before, tables: { ...before.tables, cases: before.tables.cases + 1 } };
      assert.match(compareFigures(changed, before).join('\n'), /^cases: \d+ rows at backup/);
      rmSync(other, { recursive: true, force: true });
    } finally {
      await t.close();
    }
  });

  const url = process.env.DATABASE_URL;
  it('PostgreSQL: pg_dump / pg_restore into a new database, with the files, is whole', {
    skip: url ? false : 'needs PostgreSQL (DATABASE_URL)',
  }, async () => {
    const live = await createPostgresDatabase(url!);
    const copy = await createPostgresDatabase(url!);
    const dir = scratch();
    try {
      const t = await buildTestApp(await openPostgres(live.url, 4));
      let before: Awaited<ReturnType<typeof takeFigures>>;
      try {
        await makeHistory(t);
        before = await takeFigures(t.deps.db, join(t.dataDir, 'files'));
        // online, while the server runs: the dump is one consistent snapshot
        execFileSync('pg_dump', ['-Fc', '-f', join(dir, 'hewei.dump'), live.url]);
        cpSync(join(t.dataDir, 'files'), join(dir, 'files'), { recursive: true });
      } finally {
        await t.close();
      }
      execFileSync('pg_restore', ['--no-owner', '-d', copy.url, join(dir, 'hewei.dump')]);
      const restored = await openPostgres(copy.url, 2, { migrate: false });
      try {
        const after = await takeFigures(restored.db, join(dir, 'files'));
        assert.ok(after.tables.case_events > 0 && after.files.checked >= 1);
        assert.deepEqual(compareFigures(before, after), []);
      } finally {
        await restored.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await live.drop();
      await copy.drop();
    }
  });
});
