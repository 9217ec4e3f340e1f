// Drafts without tracking: a whole journey with JavaScript switched off, a
// resume code carried to a second browser (another device), and a tampered
// draft that gets a friendly page rather than a crash.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { desktop, launchBrowser, PageChecker, phone } from './browser.mjs';
import { startService } from './service.mjs';
import {
  answerFor, bodyText, choose, expectErrors, expectHeading, follow, isChosen, press, type,
} from './steps.mjs';

let service;
let browser;
let checker;

before(async () => {
  service = await startService();
  browser = await launchBrowser();
  checker = new PageChecker(browser, 'resume-nojs');
});

after(async () => {
  await browser?.close();
  const stopped = await service?.stop();
  await service?.remove();
  assert.equal(stopped?.code, 0, `safesurvey serve did not stop cleanly:\n${stopped?.logs}`);
});

const perspective = 'Are you answering as a parent or carer, or as a professional?';
const parent = 'A parent or carer of a child with SEND who is not in school';
const situation = "Which of these describe your child's education now, or at any time in the last 6 months?";

describe('without JavaScript', () => {
  it('a parent completes the survey, with the "please specify" input shown', async () => {
    const page = await checker.newPage({ javaScriptEnabled: false, viewport: phone });
    await page.goto(service.link('Leeds').link);
    await checker.check(page, 'nojs-start');
    await follow(page, 'Start now');
    await press(page, 'Continue');
    await expectErrors(page, [`Select an answer to “${perspective}”`]);
    await checker.check(page, 'nojs-perspective-error');
    await choose(page, perspective, parent);
    await press(page, 'Continue');

    await choose(page, situation, 'Something else');
    await type(page, "Tell us about your child's situation", 'Hospital education');
    await checker.check(page, 'nojs-child-situation');
    await press(page, 'Continue');
    await follow(page, 'Back');
    assert.ok(await isChosen(page, situation, 'Something else'), 'Back kept the ticked box');
    assert.equal(await page.getByLabel("Tell us about your child's situation").inputValue(), 'Hospital education');
    await press(page, 'Continue');
    for (let i = 0; i < 7 && !/Check your answers/.test(await page.locator('h1').first().innerText()); i += 1) {
      await checker.check(page, `nojs-page-${i}`);
      await press(page, 'Continue');
    }
    await expectHeading(page, /Check your answers/);
    await checker.check(page, 'nojs-check-answers');
    assert.equal(await answerFor(page, situation), 'Something else: Hospital education');
    await press(page, 'Send answers');
    await expectHeading(page, 'Thank you for completing the survey');
    await checker.check(page, 'nojs-confirmation');
    await page.context().close();
  });
});

describe('save and come back later', () => {
  it('continues on another device with a resume code, which then stops working', async () => {
    const first = await checker.newPage({ viewport: desktop });
    await first.goto(service.link('Leeds').link);
    await follow(first, 'Start now');
    await choose(first, perspective, parent);
    await press(first, 'Continue');
    await choose(first, situation, 'Waiting for a school place');
    await press(first, 'Save and come back later');
    await expectHeading(first, 'Your answers have been saved');
    await checker.check(first, 'resume-code-shown');
    const code = (await first.locator('.app-resume-code').innerText()).trim();
    assert.ok(code.replace(/[^A-Za-z0-9]/g, '').length >= 8, `a resume code long enough to be unguessable: "${code}"`);
    await first.context().close();

    // Another device: no cookies, no history, only the code.
    const second = await checker.newPage({ viewport: phone });
    await second.goto(`${service.baseUrl}/resume`);
    await checker.check(second, 'resume-entry');
    await type(second, 'Enter your resume code', 'WRONG-CODE-0000');
    await press(second, 'Continue');
    assert.match(await second.title(), /^Error: /);
    await checker.check(second, 'resume-entry-wrong-code');
    await type(second, 'Enter your resume code', code);
    await press(second, 'Continue');
    // Back on the page where they left off, with the answer they had chosen.
    assert.ok(await isChosen(second, situation, 'Waiting for a school place'), 'the saved answer came back');
    await press(second, 'Continue');
    for (let i = 0; i < 8 && !/Check your answers/.test(await second.locator('h1').first().innerText()); i += 1) {
      await press(second, 'Continue');
    }
    await expectHeading(second, /Check your answers/);
    assert.equal(await answerFor(second, perspective), parent);
    await press(second, 'Send answers');
    await expectHeading(second, 'Thank you for completing the survey');

    // Sent, so the saved copy is gone and the code no longer works.
    await second.goto(`${service.baseUrl}/resume`);
    await type(second, 'Enter your resume code', code);
    await press(second, 'Continue');
    assert.match(await second.title(), /^Error: /, 'a used code is refused');
    await second.context().close();
  });
});

describe('a draft that was changed or forged', () => {
  it('gets a friendly page that offers to start again', async () => {
    const page = await checker.newPage({ viewport: desktop });
    await page.goto(service.link('Leeds').link);
    await follow(page, 'Start now');
    await choose(page, perspective, parent);
    await press(page, 'Continue');
    const url = new URL(page.url());
    const draft = url.searchParams.get('d');
    assert.ok(draft && draft.length > 20, 'the draft travels in the URL');
    const flipped = draft.slice(0, 10) + (draft[10] === 'A' ? 'B' : 'A') + draft.slice(11);
    url.searchParams.set('d', flipped);
    const response = await page.goto(url.toString());
    assert.ok(response.status() >= 400 && response.status() < 500, `status ${response.status()}`);
    await expectHeading(page, 'Sorry, we could not continue your survey');
    assert.doesNotMatch(await bodyText(page), /exception|error:|sodium|decrypt/i);
    await checker.check(page, 'draft-tampered');
    await follow(page, 'Start again');
    await expectHeading(page, 'Survey: children with SEND who are not in school');
    await page.context().close();
  });
});
