// Every way an answer can be refused, as a respondent meets it: the title
// starts "Error:", the summary links to each field, the field says what is
// wrong, and what was typed is still there. Uses the e2e fixture survey,
// which has number, date and required text questions the real ones lack.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { desktop, launchBrowser, PageChecker } from './browser.mjs';
import { startService } from './service.mjs';
import { choose, expectErrors, expectHeading, follow, isChosen, press, type } from './steps.mjs';

let service;
let browser;
let checker;

before(async () => {
  service = await startService();
  browser = await launchBrowser();
  checker = new PageChecker(browser, 'errors');
});

after(async () => {
  await browser?.close();
  const stopped = await service?.stop();
  await service?.remove();
  assert.equal(stopped?.code, 0, `safesurvey serve did not stop cleanly:\n${stopped?.logs}`);
});

const who = 'Who are you answering as?';
const situation = "What is the child's situation?";
const hours = 'How many hours of education a week does the child get?';
const hoursLabel = `${hours} (hours a week)`;
const setting = 'What kind of setting did the child attend last?';
const story = 'Tell us more, if you want to';

async function beginValidationSurvey({ javaScriptEnabled = true } = {}) {
  const page = await checker.newPage({ javaScriptEnabled, viewport: desktop });
  await page.goto(service.link('E2E checks').link);
  await follow(page, 'Start now');
  return page;
}

async function fillDate(page, day, month, year) {
  const group = page.getByRole('group', { name: 'When did the child stop attending school full-time?' });
  await group.getByLabel('Day').fill(day);
  await group.getByLabel('Month').fill(month);
  await group.getByLabel('Year').fill(year);
}

describe('answers the server refuses', () => {
  it('a required choice left empty: the summary link takes focus to the field', async () => {
    const page = await beginValidationSurvey();
    await press(page, 'Continue');
    await expectErrors(page, [`Select an answer to “${who}”`]);
    await checker.check(page, 'required-choice');
    await page.locator('.govuk-error-summary').getByRole('link').first().click();
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('name'));
    assert.equal(focused, 'perspective', 'the error summary link moves focus to the radios');

    await choose(page, who, 'A parent or carer');
    await press(page, 'Continue');
    await expectHeading(page, situation);
    await press(page, 'Continue');
    await expectErrors(page, [`Select at least one answer to “${situation}”`]);
    await page.context().close();
  });

  it('"Something else" without saying what: the reveal asks for details', async () => {
    const page = await beginValidationSurvey();
    await choose(page, who, 'A professional');
    await press(page, 'Continue');
    await choose(page, situation, 'Something else');
    await press(page, 'Continue');
    await expectErrors(page, ['Enter details for “Something else”']);
    assert.ok(await isChosen(page, situation, 'Something else'), 'the ticked box was kept');
    assert.ok(await page.getByLabel('What is the situation?').isVisible(), 'the reveal stays open');
    await checker.check(page, 'follow-up-missing');

    // With JavaScript, ticking "None of these" unticks the others.
    await choose(page, situation, 'None of these');
    assert.equal(await isChosen(page, situation, 'Something else'), false);
    await page.context().close();
  });

  it('an exclusive answer with others (possible without JavaScript) is refused', async () => {
    const page = await beginValidationSurvey({ javaScriptEnabled: false });
    await choose(page, who, 'A professional');
    await press(page, 'Continue');
    await choose(page, situation, 'Educated at home');
    await choose(page, situation, 'Something else');
    // Without JavaScript the "please specify" input is always shown.
    await type(page, 'What is the situation?', 'Hospital school');
    await choose(page, situation, 'None of these');
    await press(page, 'Continue');
    await expectErrors(page, ['Select “None of these” on its own, or untick it to choose other answers']);
    assert.equal(await page.getByLabel('What is the situation?').inputValue(), 'Hospital school');
    await checker.check(page, 'exclusive-with-others');
    await page.context().close();
  });

  it('bad numbers, dates, missing and too-long text keep what was typed', async () => {
    const page = await beginValidationSurvey();
    await choose(page, who, 'A parent or carer');
    await press(page, 'Continue');
    await choose(page, situation, 'Educated at home');
    await press(page, 'Continue');
    await expectHeading(page, 'Details');

    await press(page, 'Continue');
    await expectErrors(page, [`Enter an answer to “${hours}”`,
      'Enter the date for “When did the child stop attending school full-time?”',
      `Enter an answer to “${setting}”`]);
    await checker.check(page, 'details-all-missing');

    await type(page, hoursLabel, 'ten');
    await fillDate(page, '31', '2', '2024');
    await type(page, setting, 'A mainstream primary school');
    await type(page, story, 'x'.repeat(201));
    await press(page, 'Continue');
    await expectErrors(page, [`Your answer to “${hours}” must be a whole number, like 5`,
      '“When did the child stop attending school full-time?” must be a real date',
      `Your answer to “${story}” must be 200 characters or fewer`]);
    assert.equal(await page.getByLabel(hoursLabel).inputValue(), 'ten');
    assert.equal(await page.getByLabel(setting).inputValue(), 'A mainstream primary school');
    assert.equal((await page.getByLabel(story).inputValue()).length, 201);
    await checker.check(page, 'details-bad-values');

    await type(page, hoursLabel, '41');
    await fillDate(page, '1', '1', '2030');
    await type(page, story, 'Fine now.');
    await press(page, 'Continue');
    await expectErrors(page, [`Your answer to “${hours}” must be between 0 and 40`,
      '“When did the child stop attending school full-time?” must be']);

    await type(page, hoursLabel, '12');
    await fillDate(page, '4', '9', '2024');
    await press(page, 'Continue');
    await expectHeading(page, /Check your answers/);
    await page.context().close();
  });
});
