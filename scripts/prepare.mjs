// `npm prepare`: build dist/ from the sources. npm runs it after `npm ci` here, and when riposte
// is installed from git (npm i git+https://...), with the devDependencies installed first.
// Except for a global install from git (npm i -g git+...): npm's own install of them then runs
// in global mode and the clone gets none, so the build finds no tsc. Install them here, into
// the clone, without scripts (this one would run again), then build.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (args, env = process.env) => {
  const r = spawnSync(npm, args, { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (!existsSync(path.join(root, 'node_modules', 'typescript'))) {
  const env = { ...process.env, npm_config_global: 'false', npm_config_location: 'project' };
  run(['install', '--include=dev', '--ignore-scripts', '--no-save', '--no-package-lock', '--no-audit', '--no-fund'], env);
}
run(['run', 'build']);
