// Link windows and abuse control as a respondent meets them: a link before it
// opens and after it closes, an unknown link, a draft started before a link
// was closed and sent after, and the page shown when a client is rate limited.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { desktop, launchBrowser, PageChecker } from './browser.mjs';
import { startService } from './service.mjs';
import { bodyText, choose, expectHeading, follow, heading, press, type } from './steps.mjs';

let service;
let browser;
let checker;

before(async () => {
  service = await startService();
  browser = await launchBrowser();
  checker = new PageChecker(browser, 'windows');
});

after(async () => {
  await browser?.close();
  const stopped = await service?.stop();
  await service?.remove();
  assert.equal(stopped?.code, 0, `safesurvey serve did not stop cleanly:\n${stopped?.logs}`);
});

const perspective = 'Are you answering as a parent or carer, or as a professional?';
const parent = 'A parent or carer of a child with SEND who is not in school';

async function noStartButton(page) {
  assert.equal(await page.getByRole('button', { name: 'Start now' }).count(), 0);
  assert.equal(await page.getByRole('link', { name: 'Start now' }).count(), 0);
}

describe('link windows', () => {
  it('a link that has closed says so, with the helplines, and takes no answers', async () => {
    const page = await checker.newPage();
    const response = await page.goto(service.link('Kent').link);
    assert.equal(response.status(), 200);
    assert.match(await heading(page), /closed/i);
    const text = await bodyText(page);
    assert.match(text, /0800 1111/, 'the helplines are shown');
    assert.match(text, /999/);
    await noStartButton(page);
    await checker.check(page, 'closed');

    const begin = await page.goto(`${service.link('Kent').link}/begin`);
    assert.match(await heading(page), /closed/i, `begin on a closed link: ${begin.status()}`);
    await page.context().close();
  });

  it('a link that is not open yet says when it opens, in London time', async () => {
    const page = await checker.newPage();
    await page.goto(service.link('Devon').link);
    assert.match(await heading(page), /not open yet|opens/i);
    // e.g. "9am on Monday 1 December 2026"
    assert.match(await bodyText(page), /(\d{1,2}(:\d\d)?(am|pm)|midday|midnight) on [A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ \d{4}/);
    await noStartButton(page);
    await checker.check(page, 'not-yet-open');
    await page.context().close();
  });

  it('an unknown link gets a 404 page that reveals nothing about any survey', async () => {
    const page = await checker.newPage();
    const response = await page.goto(`${service.baseUrl}/s/this-is-not-a-real-token-12345`);
    assert.equal(response.status(), 404);
    const text = await bodyText(page);
    assert.doesNotMatch(text, /\bSEND\b|Leeds|Kent|Devon|has closed|not open yet/);
    await checker.check(page, 'unknown-link');
    await page.context().close();
  });

  it('a draft started before the link closed cannot be sent after, and is told so kindly', async () => {
    const page = await checker.newPage();
    await page.goto(service.link('Cumbria').link);
    await follow(page, 'Start now');
    await choose(page, perspective, parent);
    await press(page, 'Continue');
    const draft = await page.locator('input[name="draft"]').getAttribute('value');
    const closed = await service.cli(['distribution', 'close', service.link('Cumbria').id]);
    assert.equal(closed.code, 0, closed.stderr);

    await press(page, 'Continue');
    assert.match(await heading(page), /closed|not sent/i, 'the next page says the answers were not taken');
    assert.match(await bodyText(page), /closed/i, 'and that the survey has closed');
    await checker.check(page, 'closed-mid-journey');

    // Sending the draft straight to submit is refused too.
    const sent = await page.request.post(`${service.link('Cumbria').link}/submit`, {
      form: { draft }, maxRedirects: 0,
    });
    assert.notEqual(sent.status(), 303, 'a closed link never redirects to the confirmation');
    assert.match(await sent.text(), /closed/i);
    await page.context().close();
  });
});

describe('too many attempts', () => {
  it('guessing resume codes is stopped with a clear 429 page', async () => {
    const page = await checker.newPage();
    let limited = null;
    for (let attempt = 0; attempt < 40 && !limited; attempt += 1) {
      const response = await page.request.post(`${service.baseUrl}/resume`, {
        form: { code: `GUESS-${attempt}` }, maxRedirects: 0,
      });
      if (response.status() === 429) limited = attempt;
    }
    assert.notEqual(limited, null, 'forty wrong resume codes in a row were all answered');
    assert.ok(limited >= 3, 'a person who mistypes a code a few times is not blocked');

    await page.goto(`${service.baseUrl}/resume`);
    await type(page, 'Enter your resume code', 'ONE-MORE-GUESS');
    await press(page, 'Continue');
    assert.match(await page.title(), /too many|try again later/i);
    await checker.check(page, 'too-many-requests');
    await page.context().close();
  });
});
