// Runs the real `safesurvey` binary for a browser test: a fresh data folder,
// the real survey definitions (plus the e2e fixture survey that has number
// and date questions), local-area links made through `safesurvey distribution
// add`, then `safesurvey serve` on a free loopback port until stop() sends
// SIGTERM. Everything the service prints is kept so a test can search it.
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));

export const sourceDir = process.env.SAFESURVEY_SOURCE_DIR ?? path.resolve(here, '..', '..');
export const binary = process.env.SAFESURVEY_BINARY ?? path.join(sourceDir, 'build', 'safesurvey');

// "YYYY-MM-DD HH:MM" in Europe/London, what `distribution add` reads.
export function londonWallClock(date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    }).formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

const DAY = 24 * 60 * 60 * 1000;

// The links every suite gets, by area name. Windows are relative to now so
// the suite means the same thing on any day of the year.
export const standardLinks = [
  { area: 'Leeds', survey: 'send-not-in-school-2025', opensInDays: -1, closesInDays: 20 },
  { area: 'Leeds young people', survey: 'send-young-people-easy-read', opensInDays: -1, closesInDays: 20 },
  { area: 'E2E checks', survey: 'e2e-validation', opensInDays: -1, closesInDays: 20 },
  { area: 'Kent', survey: 'send-not-in-school-2025', opensInDays: -30, closesInDays: -2 },
  { area: 'Devon', survey: 'send-not-in-school-2025', opensInDays: 5, closesInDays: 25 },
  { area: 'Cumbria', survey: 'send-not-in-school-2025', opensInDays: -1, closesInDays: 20 },
];

async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function copySurveys(surveyDir) {
  await fs.mkdir(surveyDir, { recursive: true });
  const sources = [path.join(sourceDir, 'survey_defs'), path.join(here, 'fixtures')];
  for (const folder of sources) {
    for (const name of await fs.readdir(folder)) {
      if (name.endsWith('.json')) await fs.copyFile(path.join(folder, name), path.join(surveyDir, name));
    }
  }
}

// Runs a `safesurvey` subcommand against this service's configuration.
async function cli(configPath, args) {
  try {
    const { stdout, stderr } = await run(binary, [...args, '--config', configPath], { timeout: 60000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    if (typeof error.code !== 'number') throw error;
    return { code: error.code, stdout: error.stdout, stderr: error.stderr };
  }
}

async function addLinks(configPath, links) {
  const now = Date.now();
  for (const link of links) {
    const added = await cli(configPath, ['distribution', 'add', '--survey', link.survey,
      '--area', link.area,
      '--opens', londonWallClock(new Date(now + link.opensInDays * DAY)),
      '--closes', londonWallClock(new Date(now + link.closesInDays * DAY))]);
    if (added.code !== 0) throw new Error(`distribution add ${link.area} failed: ${added.stderr}`);
  }
  const listed = await cli(configPath, ['distribution', 'list', '--json']);
  if (listed.code !== 0) throw new Error(`distribution list failed: ${listed.stderr}`);
  return Object.fromEntries(JSON.parse(listed.stdout).map((d) => [d.area, d]));
}

async function waitUntilReady(baseUrl, child, output) {
  const deadline = Date.now() + 60000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`safesurvey serve exited with ${child.exitCode}:\n${output.join('')}`);
    }
    try {
      const response = await fetch(`${baseUrl}/readyz`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`safesurvey serve was not ready within 60 s:\n${output.join('')}`);
}

export async function startService({ links = standardLinks } = {}) {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'safesurvey-e2e-'));
  const dataDir = path.join(root, 'data');
  const surveyDir = path.join(root, 'surveys');
  await copySurveys(surveyDir);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const configPath = path.join(root, 'config.json');
  await fs.writeFile(configPath, JSON.stringify({
    listen: `127.0.0.1:${port}`, public_base_url: baseUrl, data_dir: dataDir,
    survey_dir: surveyDir, threads: 2,
  }, null, 2));

  const byArea = await addLinks(configPath, links);
  const output = [];
  const child = spawn(binary, ['serve', '--config', configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk) => output.push(chunk.toString()));
  child.stderr.on('data', (chunk) => output.push(chunk.toString()));
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  await waitUntilReady(baseUrl, child, output);

  return {
    baseUrl, root, dataDir, configPath,
    link: (area) => byArea[area],
    cli: (args) => cli(configPath, args),
    logs: () => output.join(''),
    // SIGTERM, then the exit status and everything the service printed.
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30000);
      const status = await exited;
      clearTimeout(timer);
      return { ...status, logs: output.join('') };
    },
    async remove() {
      await fs.rm(root, { recursive: true, force: true });
    },
  };
}
