// The three journeys the survey exists for, each from the link to the
// confirmation, with every page checked by axe and photographed at phone and
// desktop widths: a parent on a phone, a professional on a desktop, and a
// young person using the easy-read survey.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { desktop, launchBrowser, PageChecker, phone } from './browser.mjs';
import { startService } from './service.mjs';
import {
  answerFor, bodyText, choose, expectHeading, follow, heading, isChosen, press, question, type,
} from './steps.mjs';

let service;
let browser;
let checker;

before(async () => {
  service = await startService();
  browser = await launchBrowser();
  checker = new PageChecker(browser, 'journeys');
});

after(async () => {
  await browser?.close();
  const stopped = await service?.stop();
  await service?.remove();
  assert.equal(stopped?.code, 0, `safesurvey serve did not stop cleanly:\n${stopped?.logs}`);
});

const perspectiveQuestion = 'Are you answering as a parent or carer, or as a professional?';

describe('a parent or carer on a phone', () => {
  it('completes the survey, using Back, Change and the printable copy on the way', async () => {
    const page = await checker.newPage({ viewport: phone });
    await page.goto(service.link('Leeds').link);
    await expectHeading(page, 'Survey: children with SEND who are not in school');
    assert.match(await bodyText(page), /call 999/, 'the start page shows the safeguarding panel');
    await checker.check(page, 'parent-start');

    await follow(page, 'print a paper copy of the survey');
    assert.match(await bodyText(page), /If you answered/);
    await checker.check(page, 'paper-copy');
    await page.goBack();

    await follow(page, 'Start now');
    await checker.check(page, 'parent-perspective');
    await choose(page, perspectiveQuestion, 'A parent or carer of a child with SEND who is not in school');
    await press(page, 'Continue');

    const situation = "Which of these describe your child's education now, or at any time in the last 6 months?";
    await checker.check(page, 'parent-child-situation');
    await choose(page, situation, 'On a part-time timetable set by the school');
    await choose(page, situation, 'Something else');
    await type(page, "Tell us about your child's situation", 'Mornings only since January');
    await press(page, 'Continue');

    await expectHeading(page, 'About your child');
    await checker.check(page, 'parent-about-child');
    await choose(page, 'How old is your child?', '8 to 11');
    await choose(page, "What are your child's main needs?", 'Social, emotional and mental health');
    await press(page, 'Continue');

    // Back keeps what was answered on the page before.
    await checker.check(page, 'parent-reasons');
    await follow(page, 'Back');
    await expectHeading(page, 'About your child');
    assert.ok(await isChosen(page, 'How old is your child?', '8 to 11'), 'Back lost the answer');
    await press(page, 'Continue');

    await choose(page, 'Why is your child not in school full-time?', 'Anxiety or mental health');
    await type(page, 'Tell us more about what led to this, if you want to', 'The school reduced her hours.');
    await press(page, 'Continue');
    await checker.check(page, 'parent-information');
    await choose(page, 'When my child stopped attending school full-time', 'Disagree');
    await press(page, 'Continue');
    await checker.check(page, 'parent-health');
    await press(page, 'Continue');
    await checker.check(page, 'parent-support');
    await press(page, 'Continue');
    // Not home educated, so the home-education page is skipped.
    await checker.check(page, 'parent-safety-now');
    await choose(page, "Are you worried about a child's safety right now?", 'No');
    await press(page, 'Continue');
    await checker.check(page, 'parent-anything-else');
    await press(page, 'Continue');

    await expectHeading(page, /Check your answers/);
    await checker.check(page, 'parent-check-answers');
    assert.equal(await answerFor(page, 'How old is your child?'), '8 to 11');

    // Change returns to Check your answers, with the new answer.
    await page.getByRole('link', { name: /Change.*how old is your child/i }).click();
    await page.waitForLoadState('load');
    await expectHeading(page, 'About your child');
    await choose(page, 'How old is your child?', '12 to 14');
    await press(page, 'Continue');
    await expectHeading(page, /Check your answers/);
    assert.equal(await answerFor(page, 'How old is your child?'), '12 to 14');

    await press(page, 'Send answers');
    await expectHeading(page, 'Thank you for completing the survey');
    await checker.check(page, 'parent-confirmation');
    const thanks = await bodyText(page);
    assert.match(thanks, /0800 1111/, 'the confirmation repeats the helplines');
    assert.match(thanks, /999/);
    // Offered the other perspective, starting afresh.
    await follow(page, 'Take the survey again as: A professional who works with children with SEND who are not in school');
    assert.match(page.url(), /\/s\/[^/]+\/q\/perspective/);
    assert.equal(await isChosen(page, perspectiveQuestion, 'A parent or carer of a child with SEND who is not in school'), false);
    await page.context().close();
  });
});

describe('a professional on a desktop', () => {
  it('completes the survey, meeting the pages their answers lead to', async () => {
    const page = await checker.newPage({ viewport: desktop });
    await page.goto(service.link('Leeds').link);
    await follow(page, 'Start now');
    await choose(page, perspectiveQuestion, 'A professional who works with children with SEND who are not in school');
    await press(page, 'Continue');

    await expectHeading(page, 'About your work');
    await choose(page, 'Which best describes where you work?', 'Somewhere else');
    await type(page, 'Where do you work?', 'A youth offending team');
    await choose(page, 'Which children with SEND who are not in school do you work with?', 'Electively home educated');
    await checker.check(page, 'professional-role');
    await press(page, 'Continue');

    for (const [title, shot] of [['Sharing information', 'information'], ['Health services', 'health'],
      ['Oversight of provision', 'oversight']]) {
      await expectHeading(page, title);
      await checker.check(page, `professional-${shot}`);
      await press(page, 'Continue');
    }
    // Home education was ticked, so its page appears.
    assert.ok(await question(page, 'Families who educate children with SEND at home').count() === 1,
      `expected the home-education page, got "${await heading(page)}"`);
    await checker.check(page, 'professional-home-education');
    await choose(page, 'Families who educate children with SEND at home', 'Agree');
    await press(page, 'Continue');
    await expectHeading(page, 'Staying in and returning to education');
    await checker.check(page, 'professional-education');
    await press(page, 'Continue');
    await expectHeading(page, 'Help and protection');
    await checker.check(page, 'professional-protection');
    await press(page, 'Continue');
    await choose(page, "Are you worried about a child's safety right now?", 'Yes');
    await press(page, 'Continue');
    await expectHeading(page, "Your worry about a child's safety");
    assert.match(await bodyText(page), /call 999 now/);
    await checker.check(page, 'professional-safety-tell-us');
    await type(page, 'Tell us what you are worried about, if you want to',
      'A boy I visit says his stepfather hits him and he is scared to go home.');
    await press(page, 'Continue');
    await press(page, 'Continue');

    await expectHeading(page, /Check your answers/);
    await checker.check(page, 'professional-check-answers');
    assert.equal(await answerFor(page, 'Which best describes where you work?'), 'Somewhere else: A youth offending team');
    await press(page, 'Send answers');
    await expectHeading(page, 'Thank you for completing the survey');
    await checker.check(page, 'professional-confirmation');
    // A concern flagged high or urgent: the page says what to do now.
    assert.match(await bodyText(page), /999/);
    await page.context().close();
  });
});

describe('a young person using the easy-read survey', () => {
  it('completes the survey on a phone', async () => {
    const page = await checker.newPage({ viewport: phone });
    await page.goto(service.link('Leeds young people').link);
    await expectHeading(page, 'Tell us about your learning');
    await checker.check(page, 'young-start');
    await follow(page, 'Start');

    const steps = [
      ['Who is answering?', 'Me, with help from an adult'],
      ['Do you go to school?', 'No'],
      ['Where do you learn when you are not at school?', 'At home'],
      ['How do you feel about your learning?', 'OK'],
      ['Do you get the help you need with your learning?', 'Yes'],
      ['Do you get help with your health when you need it?', 'Sometimes'],
      ['Do adults listen to what you want?', 'Yes'],
      ['Do you feel safe?', 'Yes'],
    ];
    for (const [title, answer] of steps) {
      await checker.check(page, `young-${title.toLowerCase().replace(/[^a-z]+/g, '-').replace(/-$/, '')}`);
      await choose(page, title, answer);
      await press(page, 'Continue');
    }
    await type(page, 'What would make things better for you?', 'A teacher who comes to my house.');
    await checker.check(page, 'young-make-better');
    await press(page, 'Continue');
    await checker.check(page, 'young-anything-else');
    await press(page, 'Continue');

    await expectHeading(page, /Check your answers/);
    await checker.check(page, 'young-check-answers');
    assert.equal(await answerFor(page, 'Where do you learn when you are not at school?'), 'At home');
    await press(page, 'Send answers');
    await expectHeading(page, 'Thank you');
    await checker.check(page, 'young-confirmation');
    assert.match(await bodyText(page), /Childline/);
    await page.context().close();
  });
});
