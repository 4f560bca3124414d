#!/usr/bin/env node
// First step of `npm start` and `npm test`, so that those two commands set up a fresh clone by themselves:
// installs the npm packages when node_modules is missing or older than package-lock.json, and the system
// browsers (Debian's chromium and firefox-esr; a test tool's own browser download does not work here) when
// they are missing. Uses only Node built-ins: it runs before node_modules exists.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// npm writes this hidden lockfile on every install: older than package-lock.json means out of date.
const installedLock = join(root, 'node_modules', '.package-lock.json');
const needBrowsers = process.argv.includes('--browsers');

function run(command, args) {
  console.log(`setup: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`setup: "${command} ${args.join(' ')}" failed (exit ${result.status})`);
    process.exit(result.status ?? 1);
  }
}

function ensureNodeModules() {
  const lockTime = statSync(join(root, 'package-lock.json')).mtimeMs;
  if (existsSync(installedLock) && statSync(installedLock).mtimeMs >= lockTime) return;
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

function onPath(name) {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function ensureBrowsers() {
  const missing = [
    ['chromium', process.env.CHROMIUM_PATH],
    ['firefox-esr', process.env.FIREFOX_PATH],
  ]
    .filter(([name, override]) => !(override ? existsSync(override) : onPath(name)))
    .map(([name]) => name);
  if (missing.length === 0) return;
  const install = ['install', '-y', '-qq', '--no-install-recommends', ...missing];
  if (process.getuid?.() === 0) {
    run('apt-get', ['update', '-qq']);
    run('apt-get', install);
  } else {
    console.error(
      `setup: the browser tests need ${missing.join(' and ')} from Debian's packages:\n` +
        `  sudo apt-get install ${install.slice(1).join(' ')}\n` +
        `(or point CHROMIUM_PATH / FIREFOX_PATH at existing binaries)`,
    );
    process.exit(1);
  }
}

ensureNodeModules();
if (needBrowsers) ensureBrowsers();
