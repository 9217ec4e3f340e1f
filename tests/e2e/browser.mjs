// Headless Debian chromium through playwright-core, and the checks every page
// gets: axe-core at WCAG 2.2 AA with no violations, no Content Security Policy
// violation in the console, and screenshots at 375 px and 1280 px kept as
// test artefacts.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';

import { sourceDir } from './service.mjs';

const axeSource = await fs.readFile(path.join(sourceDir, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const artefactDir = process.env.SAFESURVEY_E2E_ARTIFACTS ?? path.join(sourceDir, 'test-artifacts', 'e2e');
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export const phone = { width: 375, height: 812 };
export const desktop = { width: 1280, height: 800 };

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.SAFESURVEY_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-quic'],
  });
}

function describeViolations(violations) {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n` +
    v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary}`).join('\n')).join('\n');
}

// Creates contexts and checks pages for one suite. Screenshots are named
// <suite>-<nn>-<name>-<width>.png so a folder listing reads as the journey.
export class PageChecker {
  constructor(browser, suite) {
    this.browser = browser;
    this.suite = suite;
    this.count = 0;
    this.cspViolations = [];
  }

  async newPage({ javaScriptEnabled = true, viewport = desktop } = {}) {
    const context = await this.browser.newContext({ javaScriptEnabled, viewport });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) this.cspViolations.push(`${page.url()}: ${message.text()}`);
    });
    page.javaScriptEnabled = javaScriptEnabled;
    return page;
  }

  // axe on the page as it stands. With JavaScript off axe cannot run in the
  // page itself, so the same HTML is served to a scripted context instead.
  async axe(page) {
    if (page.javaScriptEnabled) {
      await page.evaluate(axeSource);
      return page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } })
        .then((r) => r.violations.map(({ id, impact, help, nodes }) => ({
          id, impact, help, nodes: nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
        }))), axeTags);
    }
    const html = await page.content();
    const url = page.url();
    const context = await this.browser.newContext({ viewport: page.viewportSize() });
    try {
      const copy = await context.newPage();
      await copy.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
      await copy.goto(url);
      copy.javaScriptEnabled = true;
      return await this.axe(copy);
    } finally {
      await context.close();
    }
  }

  async screenshots(page, name) {
    await fs.mkdir(artefactDir, { recursive: true });
    const original = page.viewportSize();
    this.count += 1;
    const stem = `${this.suite}-${String(this.count).padStart(2, '0')}-${name}`;
    for (const width of [phone.width, desktop.width]) {
      await page.setViewportSize({ width, height: width === phone.width ? phone.height : desktop.height });
      await page.screenshot({ path: path.join(artefactDir, `${stem}-${width}.png`), fullPage: true });
    }
    await page.setViewportSize(original);
  }

  // Every page a respondent sees goes through here.
  async check(page, name) {
    await this.screenshots(page, name);
    const violations = await this.axe(page);
    assert.equal(violations.length, 0,
      `axe found accessibility problems on ${name} (${page.url()}):\n${describeViolations(violations)}`);
    assert.deepEqual(this.cspViolations, [], 'the page broke its Content Security Policy');
  }
}
