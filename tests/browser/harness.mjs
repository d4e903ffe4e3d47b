// Helpers of the browser test and the screenshot script. startServer runs
// `ngodesk serve` on a free loopback port with a fixed clock and a new database.
// launchBrowser starts Debian's chromium through playwright-core with a fresh
// profile, with the background services that contact other hosts turned off.
import {spawn} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const sourceDir = path.resolve(here, '..', '..');

// playwright-core is installed under tests/js by tests/js/install.sh.
const requireFromTests = createRequire(path.join(sourceDir, 'tests', 'js', 'package.json'));
const {chromium} = requireFromTests('playwright-core');

export const CHROMIUM = process.env.NGODESK_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// The ngodesk binary: the first argument, else $NGODESK_BIN, else build/ngodesk.
export function ngodeskBinary() {
  return process.argv[2] || process.env.NGODESK_BIN || path.join(sourceDir, 'build', 'ngodesk');
}

// A new temporary directory for a test database; the caller removes it.
export function makeTempDir() {
  return mkdtempSync(path.join(tmpdir(), 'ngodesk-browser-'));
}

// Runs `ngodesk --db DB ARGS...` to completion and resolves with its stdout;
// rejects with stdout and stderr when it exits with a status other than 0.
export function runCli(db, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(ngodeskBinary(), ['--lang', 'en', '--db', db, ...args], {stdio: ['ignore', 'pipe', 'pipe']});
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`ngodesk ${args.join(' ')} exited with status ${code}:\n${stdout}${stderr}`));
    });
  });
}

// Starts `ngodesk serve --listen 127.0.0.1:0 --test-now NOW` and resolves
// with {url, stop} once the server prints its address. The database is
// `db`, else a new one in a temporary directory that stop() removes.
// `args` are more serve options, e.g. limits.
export async function startServer({now, db, args: extraArgs = []}) {
  const dir = db ? null : makeTempDir();
  const args = ['--db', db || path.join(dir, 'ngodesk.db'), 'serve', '--listen', '127.0.0.1:0', '--no-access-log', ...extraArgs];
  if (now) args.push('--test-now', now);
  const child = spawn(ngodeskBinary(), args, {stdio: ['ignore', 'pipe', 'pipe']});
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after 20 s waiting for ngodesk serve to print its address:\n${output}`)), 20000);
    const onData = (chunk) => {
      output += chunk;
      const match = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`ngodesk serve exited with status ${code} before printing its address:\n${output}`));
    });
  });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    if (dir) rmSync(dir, {recursive: true, force: true});
  };
  return {url, stop};
}

// Launches chromium with a fresh profile. Every request of every page is
// routed: requests to 127.0.0.1 or localhost go on, any other is aborted
// and recorded in `outside`, which a test asserts to stay empty. With
// `javaScriptEnabled` false the pages run no script, as for a reader who
// turned it off.
export async function launchBrowser({locale = 'en-US', width = 1280, height = 900, javaScriptEnabled = true} = {}) {
  const profile = mkdtempSync(path.join(tmpdir(), 'ngodesk-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    locale,
    viewport: {width, height},
    javaScriptEnabled,
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const outside = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return route.continue();
    outside.push(route.request().url());
    return route.abort();
  });
  const close = async () => {
    await context.close();
    rmSync(profile, {recursive: true, force: true});
  };
  return {context, outside, close};
}

// The number of pages in a PDF that chromium printed: its /Type /Page
// objects, not the /Type /Pages tree nodes.
export function pdfPageCount(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) || []).length;
}
