// Encryption at rest, checked from outside: a response carrying a unique
// marker in every free-text answer is sent (twice, as a double click or a
// replay would), a draft holding the marker is saved for later, the service
// is stopped, and then no byte sequence of the marker may appear in any file
// under the data folder (database, WAL, journal, backups, keys) nor in
// anything the service printed.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';

import { desktop, launchBrowser, PageChecker } from './browser.mjs';
import { startService } from './service.mjs';
import { choose, expectHeading, follow, press, type } from './steps.mjs';

const marker = `MARKER-${randomUUID()}`;
let service;
let browser;
let checker;

before(async () => {
  service = await startService();
  browser = await launchBrowser();
  checker = new PageChecker(browser, 'marker');
});

after(async () => {
  await browser?.close();
  await service?.stop();
  await service?.remove();
});

async function filesUnder(folder) {
  const found = [];
  for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) found.push(...await filesUnder(full));
    else if (entry.isFile()) found.push(full);
  }
  return found;
}

// The marker as UTF-8, UTF-16LE and without its dashes, so that a copy
// stored in another encoding is found too.
function markerForms() {
  return [Buffer.from(marker, 'utf8'), Buffer.from(marker, 'utf16le'),
    Buffer.from(marker.replaceAll('-', ''), 'utf8')];
}

async function sendMarkedResponse() {
  const page = await checker.newPage({ viewport: desktop });
  await page.goto(service.link('E2E checks').link);
  await follow(page, 'Start now');
  await choose(page, 'Who are you answering as?', 'A parent or carer');
  await press(page, 'Continue');
  await choose(page, "What is the child's situation?", 'Something else');
  await type(page, 'What is the situation?', `${marker} follow-up`);
  await press(page, 'Continue');
  await type(page, 'How many hours of education a week does the child get? (hours a week)', '3');
  const date = page.getByRole('group', { name: 'When did the child stop attending school full-time?' });
  await date.getByLabel('Day').fill('4');
  await date.getByLabel('Month').fill('9');
  await date.getByLabel('Year').fill('2024');
  await type(page, 'What kind of setting did the child attend last?', `${marker} short text`);
  await type(page, 'Tell us more, if you want to', `${marker} long text`);
  await press(page, 'Continue');
  await expectHeading(page, /Check your answers/);

  const draft = await page.locator('input[name="draft"]').first().getAttribute('value');
  await press(page, 'Send answers');
  await expectHeading(page, 'Thank you');
  // The same draft again, as a replay: acknowledged, but stored once.
  const replay = await page.request.post(`${service.link('E2E checks').link}/submit`, {
    form: { draft }, maxRedirects: 0,
  });
  assert.equal(replay.status(), 303, 'a repeated submission is acknowledged like the first');
  await page.context().close();
}

async function saveMarkedDraft() {
  const page = await checker.newPage({ viewport: desktop });
  await page.goto(service.link('E2E checks').link);
  await follow(page, 'Start now');
  await choose(page, 'Who are you answering as?', 'A professional');
  await press(page, 'Continue');
  await choose(page, "What is the child's situation?", 'Something else');
  await type(page, 'What is the situation?', `${marker} saved draft`);
  await press(page, 'Continue');
  await press(page, 'Save and come back later');
  await expectHeading(page, 'Your answers have been saved');
  await page.context().close();
}

describe('answers are encrypted at rest and never logged', () => {
  it('the marker is nowhere in the data folder or the logs after a response and a saved draft', async () => {
    await sendMarkedResponse();
    await saveMarkedDraft();
    const stopped = await service.stop();
    assert.equal(stopped.code, 0, `safesurvey serve did not stop cleanly:\n${stopped.logs}`);

    const files = await filesUnder(service.dataDir);
    assert.ok(files.some((f) => f.endsWith('.db')), `no database under ${service.dataDir}: ${files}`);
    for (const file of files) {
      const bytes = await fs.readFile(file);
      for (const form of markerForms()) {
        assert.equal(bytes.indexOf(form), -1, `the marker is readable in ${path.relative(service.dataDir, file)}`);
      }
    }
    for (const form of markerForms()) {
      assert.equal(Buffer.from(stopped.logs).indexOf(form), -1, 'the marker appears in the service\'s output');
    }

    // One response for the submission and its replay; the draft is kept sealed.
    const database = files.find((f) => f.endsWith('safesurvey.db'));
    const count = async (sql) => Number((await promisify(execFile)('sqlite3', [database, sql])).stdout.trim());
    assert.equal(await count('SELECT count(*) FROM responses'), 1);
    assert.equal(await count('SELECT count(*) FROM resume_drafts'), 1);
  });
});
