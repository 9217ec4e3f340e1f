// What a respondent does on a page, found the way a person (or a screen
// reader) finds it: by headings, labels, legends and button text.
import assert from 'node:assert/strict';

export async function heading(page) {
  return (await page.locator('h1').first().innerText()).trim();
}

// Presses a form button and waits for the page the server answers with.
export async function press(page, name) {
  await page.getByRole('button', { name, exact: true }).click();
  await page.waitForLoadState('load');
}

// Follows a link (or a link styled as a button, like "Start now").
export async function follow(page, name) {
  const byRole = page.getByRole('link', { name, exact: true });
  const target = (await byRole.count()) > 0 ? byRole : page.getByRole('button', { name, exact: true });
  await target.first().click();
  await page.waitForLoadState('load');
}

// The fieldset of a question, named by its legend.
export function question(page, title) {
  return page.getByRole('group', { name: title });
}

export async function choose(page, title, label) {
  await question(page, title).getByLabel(label, { exact: true }).check();
}

export async function untick(page, title, label) {
  await question(page, title).getByLabel(label, { exact: true }).uncheck();
}

export async function isChosen(page, title, label) {
  return question(page, title).getByLabel(label, { exact: true }).isChecked();
}

export async function type(page, label, text) {
  await page.getByLabel(label, { exact: true }).fill(text);
}

export async function expectHeading(page, expected) {
  const actual = await heading(page);
  if (expected instanceof RegExp) assert.match(actual, expected, `on ${page.url()}`);
  else assert.equal(actual, expected, `on ${page.url()}`);
}

// The error summary's links, as a person reads them.
export async function errorSummary(page) {
  const summary = page.locator('.govuk-error-summary');
  if ((await summary.count()) === 0) return [];
  return (await summary.getByRole('link').allInnerTexts()).map((t) => t.trim());
}

// A page that refused the answers: "Error:" title, a summary naming each
// problem, and the same messages next to the fields.
export async function expectErrors(page, messages) {
  assert.match(await page.title(), /^Error: /, 'an invalid page\'s title starts "Error:"');
  assert.equal(await page.getByRole('heading', { name: 'There is a problem' }).count(), 1);
  const summary = await errorSummary(page);
  for (const message of messages) {
    assert.ok(summary.some((item) => item.includes(message)), `summary ${JSON.stringify(summary)} lacks "${message}"`);
    const inline = page.locator('.govuk-error-message', { hasText: message });
    assert.ok((await inline.count()) >= 1, `no inline error message "${message}"`);
  }
  assert.equal(summary.length, messages.length, `summary was ${JSON.stringify(summary)}`);
}

// The "Check your answers" row for a question: its answer text.
export async function answerFor(page, questionText) {
  const row = page.locator('.govuk-summary-list__row', { hasText: questionText });
  return (await row.locator('.govuk-summary-list__value').innerText()).trim();
}

// Everything the page says, for checking what it does not say.
export async function bodyText(page) {
  return page.locator('body').innerText();
}
