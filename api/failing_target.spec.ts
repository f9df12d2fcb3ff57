// seed and soak against a target that restarts in the middle of the run (an in-memory server forgets
// everything): the run finishes, counts the requests that failed and the acknowledged registrations the
// target lost, writes its report and is not ok, naming what was lost.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { formatSeedSummary } from '../cli/seed_summary.ts';
import { formatSoakSummary } from '../cli/soak_summary.ts';
import { startReferenceServer, type RunningReferenceServer } from '../reference/server/start_server.ts';
import { PROJECT_ROOT } from './project_root.ts';
import { seed } from './seed.ts';
import { soak } from './soak.ts';

const FIVE = path.join(PROJECT_ROOT, 'test', 'fixtures', 'populations', 'five_persons.ndjson');

/** The reference on a fixed port that can be restarted (losing its memory) while a run uses it. */
async function restartableTarget(): Promise<{ url: string; restart(): void; settled(): Promise<void>; close(): Promise<void> }> {
  let server: RunningReferenceServer = await startReferenceServer({ port: 0 });
  const port = Number(new URL(server.url).port);
  let pending = Promise.resolve();
  return {
    url: server.url,
    restart() {
      pending = pending.then(async () => {
        await server.close();
        server = await startReferenceServer({ port });
      });
    },
    settled: () => pending,
    close: async () => {
      await pending;
      await server.close();
    },
  };
}

function scratch(): { dir: string; [Symbol.dispose](): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'memberspec-failing-'));
  return { dir, [Symbol.dispose]: () => rmSync(dir, { recursive: true, force: true }) };
}

test('seed against a target that restarts mid-run: finishes, counts what failed and what was lost, writes the report', async () => {
  using tmp = scratch();
  const target = await restartableTarget();
  let restarted = false;
  try {
    const result = await seed({
      population: FIVE,
      target: target.url,
      reportsDir: tmp.dir,
      onProgress: (progress) => {
        if (!restarted && progress.sent >= 4) {
          restarted = true;
          target.restart();
        }
      },
    });
    const { report } = result;
    assert.equal(result.ok, false);
    assert.equal(report.profiles.sent, 10, 'every profile was still sent');
    // Every registration acknowledged before the restart is gone; none after it was acknowledged (the org is unknown).
    assert.ok(report.integrity.acceptedProfiles >= 4, JSON.stringify(report.integrity));
    assert.equal(report.integrity.resolved, 0);
    assert.equal(report.integrity.unresolved, report.integrity.acceptedProfiles);
    assert.match(report.integrity.listingProblem ?? '', /listing failed/);
    const refusedOrFailed = Object.values(report.registrations.rejected).reduce((a, b) => a + b, 0) + report.registrations.failed;
    assert.equal(report.integrity.acceptedProfiles + refusedOrFailed, 10);
    assert.deepEqual(JSON.parse(readFileSync(result.outPath, 'utf8')).integrity, report.integrity, 'the report was written');
    assert.match(formatSeedSummary(report, result.outPath), new RegExp(`LOST {11}${report.integrity.unresolved} of ${report.integrity.acceptedProfiles} acknowledged registrations`));
  } finally {
    await target.close();
  }
});

test('soak against a target that restarts in round 2: keeps round 1, stops naming what round 2 lost', async () => {
  using tmp = scratch();
  const target = await restartableTarget();
  let restarted = false;
  try {
    const result = await soak({
      population: FIVE,
      target: target.url,
      rounds: 3,
      reportsDir: tmp.dir,
      onProgress: (round, progress) => {
        if (round === 2 && !restarted && progress.sent >= 3) {
          restarted = true;
          target.restart();
        }
      },
    });
    const { report } = result;
    assert.equal(result.ok, false);
    assert.equal(report.rounds.length, 2, 'round 1 kept, round 2 reported, round 3 not started');
    assert.deepEqual(report.rounds[0].lostOrDuplicated, []);
    assert.match(report.rounds[1].lostOrDuplicated[0] ?? '', /accepted profile\(s\) end in no live customer \(lost\)/);
    assert.match(report.stoppedEarly ?? '', /^round 2: \d+ accepted profile\(s\) end in no live customer \(lost\)/);
    assert.equal(JSON.parse(readFileSync(result.outPath, 'utf8')).rounds.length, 2, 'the report was written');
    assert.match(formatSoakSummary(report, result.outPath), /stopped early {2}round 2: .*\(lost\)/);
  } finally {
    await target.close();
  }
});

test('soak whose target is down when a round starts: the finished rounds still make a report', async () => {
  using tmp = scratch();
  const target = await restartableTarget();
  let closed = false;
  try {
    const result = await soak({
      population: FIVE,
      target: target.url,
      rounds: 3,
      reportsDir: tmp.dir,
      requestTimeoutMs: 2000,
      onRound: (round) => {
        // Round 1 is done: the target goes away before round 2 asks for its org.
        if (round.round === 1 && !closed) {
          closed = true;
          void target.close();
        }
      },
    });
    assert.equal(result.ok, false);
    assert.equal(result.report.rounds.length, 1);
    assert.match(result.report.stoppedEarly ?? '', /^round 2: /);
  } finally {
    if (!closed) await target.close();
  }
});
