// Makes the commit a release tag points at: the sources of HEAD plus the built dist/, with a
// package.json that has no scripts. Installs from that tag need no build and no dev tools:
// `npm i -g git+https://...#vX.Y.Z` (where npm installs no devDependencies before `prepare`),
// pre-commit's hooks (whose install reads `npm pack`'s output, which a build's banner would
// spoil) and `npm publish` of the same tree all get exactly what the tag holds.
//
//   node scripts/release-tree.mjs [TAG] [--retag]
//       build, commit beside HEAD (no branch moves, the working tree is not touched) and tag;
//       TAG defaults to v<version of package.json>. With --retag, a TAG that already names
//       HEAD (the version tag a maintainer pushed) is moved to the release commit; any other
//       existing tag is refused.
//
// The working tree must be clean: the release is what HEAD holds, nothing else.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const args = process.argv.slice(2);
const retag = args.includes('--retag');
const tag = args.find((arg) => !arg.startsWith('--')) ?? `v${pkg.version}`;

function fail(message) {
  process.stderr.write(`release-tree: ${message}\n`);
  process.exit(1);
}

const git = (args, env = {}) => execFileSync('git', args, { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } }).trim();

if (!/^v\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(tag)) fail(`'${tag}' is not a version tag (v1.2.3)`);
if (tag !== `v${pkg.version}` && !tag.startsWith(`v${pkg.version}-`)) fail(`tag ${tag} does not match package.json's version ${pkg.version}`);
// Untracked files are not part of HEAD's tree, so they cannot ride along; changes to tracked ones could.
if (git(['status', '--porcelain', '--untracked-files=no'])) fail('the working tree has changes: commit or stash them first');
if (git(['tag', '--list', tag])) {
  const tagged = git(['rev-parse', `${tag}^{commit}`]);
  if (!retag) fail(`tag ${tag} exists already (--retag moves a tag on HEAD to its release commit)`);
  if (tagged !== git(['rev-parse', 'HEAD'])) fail(`tag ${tag} names ${tagged.slice(0, 12)}, not HEAD: check out the tagged commit first`);
}

// A clean build: no file of an earlier build may ride along.
rmSync(path.join(root, 'dist'), { recursive: true, force: true });
execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });

// The release tree, made in an index of its own: HEAD's files, dist/ (ignored on main), and a
// package.json without scripts (nothing to run on install, pack or publish) or dev tools (an
// install from the tag, pre-commit's among them, fetches only what riposte runs with).
const scratch = mkdtempSync(path.join(os.tmpdir(), 'riposte-release-'));
const env = { GIT_INDEX_FILE: path.join(scratch, 'index') };
try {
  git(['read-tree', 'HEAD'], env);
  git(['add', '--force', '--', 'dist'], env);
  const released = { ...pkg };
  delete released.scripts;
  delete released.devDependencies;
  const blob = execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: root, input: `${JSON.stringify(released, null, 2)}\n`, encoding: 'utf8' }).trim();
  git(['update-index', '--cacheinfo', `100644,${blob},package.json`], env);
  const tree = git(['write-tree'], env);
  const commit = git(['commit-tree', tree, '-p', 'HEAD', '-m', `Release ${tag}: the sources of ${git(['rev-parse', '--short', 'HEAD'])} with dist/ built`]);
  git(['tag', '--force', '-a', tag, commit, '-m', `riposte ${tag}`]);
  process.stdout.write(`${tag} ${commit}\n`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
