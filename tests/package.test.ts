import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from './helpers.js';

/** Run a program to completion; its output, and a failure that says what ran. */
function sh(command: string, args: string[], cwd: string, timeout = 240_000): string {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', timeout, env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** `project` made a git repository with its files staged, and a run of pre-commit on all its files (with a cache of its own). */
function underPreCommit(project: string): { git: (...args: string[]) => string; hook: () => SpawnSyncReturns<string> } {
  const git = (...args: string[]) => sh('git', ['-c', 'user.email=t@example.org', '-c', 'user.name=T', ...args], project);
  git('init', '-q');
  git('add', '-A');
  const env = { ...process.env, PRE_COMMIT_HOME: path.join(project, '.cache') };
  return { git, hook: () => spawnSync('pre-commit', ['run', '--all-files'], { cwd: project, env, encoding: 'utf8', timeout: 280_000 }) };
}

/**
 * The package as a user gets it: packed as npm publishes it, installed from the tarball into a
 * project of their own (no build step, no dev dependencies), run, imported and type-checked.
 */
describe('the published package', () => {
  const packDir = tempDir();
  const tarball = path.join(packDir, sh('npm', ['pack', '--silent', '--pack-destination', packDir], repoRoot).trim().split('\n').pop()!);
  const user = tempDir({
    'package.json': JSON.stringify({ name: 'a-users-map', version: '1.0.0', private: true, type: 'module' }),
    'arguments/letter.yaml': 'source:\n  id: letter\n  kind: letter\n  title: A letter\n  authors: [Someone]\n  date: 2024-05\nclaims:\n  - id: letter.one\n    summary: One point.\n    quote: one point\n',
  });
  sh('npm', ['install', '--no-save', '--omit=dev', '--prefer-offline', tarball], user);

  it('holds what it needs and nothing of the sources or tests', () => {
    const listed = sh('tar', ['-tzf', tarball], packDir).split('\n');
    for (const file of ['package/bin/riposte.js', 'package/dist/index.js', 'package/dist/index.d.ts', 'package/dist/cli.js', 'package/schemas/riposte.schema.json', 'package/docs/rules.md', 'package/LICENSE', 'package/README.md']) {
      expect(listed, file).toContain(file);
    }
    expect(listed.filter((f) => /^package\/(src|tests|bench|scripts)\//.test(f))).toEqual([]);
  });

  it('holds every file the README and the docs link to', () => {
    const listed = new Set(sh('tar', ['-tzf', tarball], packDir).split('\n'));
    const pages = ['package/README.md', ...[...listed].filter((file) => /^package\/docs\/[^/]+\.md$/.test(file))];
    let links = 0;
    for (const page of pages) {
      const text = sh('tar', ['-xzOf', tarball, page], packDir);
      for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        if (/^[a-z]+:/i.test(target!)) continue;
        expect(listed, `${page} links to ${target}`).toContain(path.posix.join(path.posix.dirname(page), target!));
        links++;
      }
    }
    expect(links).toBeGreaterThan(15);
  });

  it('runs from the install without a build: the bin, on a map of the user', () => {
    const bin = path.join(user, 'node_modules', '.bin', 'riposte');
    expect(existsSync(bin)).toBe(true);
    const version = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version;
    expect(sh(bin, ['--version'], user).trim()).toBe(version);
    const r = spawnSync(bin, ['validate', '--no-texts', '-f', 'json'], { cwd: user, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).summary).toMatchObject({ files: 1, errors: 0 });
  });

  it("imports as a library without loading the CLI, and the CLI from 'riposte/cli'", () => {
    writeFileSync(
      path.join(user, 'use.mjs'),
      [
        "import { checkMap, RULES } from 'riposte';",
        "import { run } from 'riposte/cli';",
        "const result = await checkMap([], { cwd: '.', texts: false });",
        "console.log(JSON.stringify({ claims: result.map.claims.length, rules: Object.keys(RULES).length, run: typeof run }));",
      ].join('\n'),
    );
    expect(JSON.parse(sh(process.execPath, ['use.mjs'], user))).toMatchObject({ claims: 1, run: 'function' });
    // What `import 'riposte'` loads: follow the static imports of the installed files.
    const root = path.join(user, 'node_modules', 'riposte', 'dist');
    const seen = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s(?:[^'";]*?\sfrom\s)?'([^']+)'/gm)) {
        if (specifier!.startsWith('.')) visit(path.resolve(path.dirname(file), specifier!));
        else packages.add(specifier!.replace(/^(@[^/]+\/[^/]+|[^/]+).*$/, '$1'));
      }
    };
    visit(path.join(root, 'index.js'));
    expect(seen.size).toBeGreaterThan(20);
    expect(seen.has(path.join(root, 'cli.js'))).toBe(false);
    expect([...seen].some((f) => f.includes(`${path.sep}commands${path.sep}`))).toBe(false);
    expect(packages.has('commander')).toBe(false);
    expect(packages.has('yaml')).toBe(true);
  });

  it("starts a map in the user's project pointing editors at the installed schema, and says to run it with npx", () => {
    const r = spawnSync(path.join(user, 'node_modules', '.bin', 'riposte'), ['init', 'debate'], { cwd: user, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('Next: cd debate && npx riposte validate --strict && npx riposte tree');
    const first = readFileSync(path.join(user, 'debate', 'arguments', 'example-letter.yaml'), 'utf8').split('\n')[0];
    expect(first).toBe('# yaml-language-server: $schema=../../node_modules/riposte/schemas/riposte.schema.json');
    expect(existsSync(path.join(user, 'debate', 'schemas'))).toBe(false);
    expect(spawnSync(path.join(user, 'node_modules', '.bin', 'riposte'), ['validate', '--strict'], { cwd: path.join(user, 'debate'), encoding: 'utf8' }).status).toBe(0);
  });

  it("runs as a pre-commit hook from the project's install (Debian's pre-commit): map files only, never the workflows", () => {
    const project = path.join(user, 'hooked');
    mkdirSync(path.join(project, 'arguments'), { recursive: true });
    mkdirSync(path.join(project, '.github', 'workflows'), { recursive: true });
    const workflow = 'name:   ci\non: push\njobs: {}\n';
    writeFileSync(path.join(project, '.github', 'workflows', 'ci.yml'), workflow);
    writeFileSync(path.join(project, 'arguments', 'a.yaml'), 'source: {id: a, kind: letter, title: A, authors: [A], date: 2024}\nclaims:\n  - {id: a.one, summary: One., quote: one, rebutts: x}\n');
    writeFileSync(path.join(project, '.pre-commit-config.yaml'), readFileSync(path.join(repoRoot, 'docs', 'pre-commit-local.yaml'), 'utf8'));
    const { git, hook } = underPreCommit(project);
    const failing = hook();
    expect(failing.status, failing.stdout + failing.stderr).toBe(1);
    expect(failing.stdout).toContain("unknown key 'rebutts'");
    expect(readFileSync(path.join(project, '.github', 'workflows', 'ci.yml'), 'utf8')).toBe(workflow);
    writeFileSync(path.join(project, 'arguments', 'a.yaml'), 'source: {id: a, kind: letter, title: A, authors: [A], date: 2024}\nclaims:\n  - {id: a.one, summary: One., quote: one}\n');
    git('add', '-A');
    const first = hook(); // riposte-fmt puts the file in canonical form, which fails the run once
    git('add', '-A');
    const passing = hook();
    expect(passing.status, first.stdout + passing.stdout + passing.stderr).toBe(0);
    expect(readFileSync(path.join(project, '.github', 'workflows', 'ci.yml'), 'utf8')).toBe(workflow);
  });

  it('has type declarations a TypeScript user compiles without @types/node', () => {
    writeFileSync(
      path.join(user, 'use.ts'),
      [
        "import { checkMap, RULES, type CheckResult, type Diagnostic } from 'riposte';",
        "import { run } from 'riposte/cli';",
        "const result: Promise<CheckResult> = checkMap([], { cwd: '.', rules: { 'missing-quote': 'off' } });",
        'const first = (d: readonly Diagnostic[]): string | undefined => d[0]?.code;',
        "export const summary: string = RULES['missing-quote'].summary;",
        'export { result, first, run };',
      ].join('\n'),
    );
    writeFileSync(
      path.join(user, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, types: [], skipLibCheck: false, lib: ['es2022'] }, files: ['use.ts'] }),
    );
    expect(existsSync(path.join(user, 'node_modules', '@types', 'node'))).toBe(false);
    const tsc = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], { cwd: user, encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });
});

/**
 * Installed from git, as `npm i -D git+https://...` and pre-commit do: npm clones it, installs
 * its devDependencies, runs `prepare` (the build) and packs it. From a local clone of HEAD.
 */
describe('the package installed from a git URL', () => {
  it('builds on install and runs', () => {
    const clone = path.join(tempDir(), 'riposte');
    sh('git', ['clone', '--quiet', '--depth', '1', `file://${repoRoot}`, clone], repoRoot);
    const user = tempDir({ 'package.json': JSON.stringify({ name: 'a-users-map', version: '1.0.0', private: true, type: 'module' }) });
    sh('npm', ['install', '--no-save', '--prefer-offline', `git+file://${clone}`], user);
    expect(existsSync(path.join(user, 'node_modules', 'riposte', 'dist', 'index.js'))).toBe(true);
    const version = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version;
    expect(sh(path.join(user, 'node_modules', '.bin', 'riposte'), ['--version'], user).trim()).toBe(version);
  }, 300_000);
});


/**
 * A release tag (scripts/release-tree.mjs) holds the built dist/ and a package.json without
 * scripts: installs from it need no build, so the global install from git (where npm installs
 * no devDependencies before `prepare`) and pre-commit's own install of the hooks work.
 */
describe('a release tag', () => {
  const clone = path.join(tempDir(), 'riposte');
  sh('git', ['clone', '--quiet', '--depth', '1', `file://${repoRoot}`, clone], repoRoot);
  // The clone builds with the dev tools already installed here (node_modules is ignored by git).
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(clone, 'node_modules'), 'dir');
  const version = JSON.parse(readFileSync(path.join(clone, 'package.json'), 'utf8')).version as string;
  const tag = `v${version}-test.1`;
  const identity = { GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.org' };
  /** The release script, run in the clone as a maintainer (a git identity) would run it. */
  const releaseTree = (...args: string[]) => spawnSync(process.execPath, ['scripts/release-tree.mjs', ...args], { cwd: clone, encoding: 'utf8', env: { ...process.env, ...identity }, timeout: 240_000 });
  const made = releaseTree(tag);

  it('is a commit beside HEAD with dist/ and no scripts, made without touching the branch or the working tree', () => {
    expect(made.status, made.stderr).toBe(0);
    const head = sh('git', ['rev-parse', 'HEAD'], clone).trim();
    expect(sh('git', ['rev-parse', `${tag}^{commit}^`], clone).trim()).toBe(head);
    expect(sh('git', ['status', '--porcelain', '--untracked-files=no'], clone)).toBe('');
    const files = sh('git', ['ls-tree', '-r', '--name-only', tag], clone).split('\n');
    expect(files).toContain('dist/cli.js');
    expect(files).toContain('dist/validate/schema-validator.cjs');
    const released = JSON.parse(sh('git', ['show', `${tag}:package.json`], clone));
    expect(released.scripts).toBeUndefined();
    expect(released.devDependencies).toBeUndefined();
    expect(released.dependencies).toEqual(JSON.parse(readFileSync(path.join(clone, 'package.json'), 'utf8')).dependencies);
    // A second run refuses to move the tag, even with --retag: it no longer names HEAD.
    const again = releaseTree(tag);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('exists already');
    const moved = releaseTree(tag, '--retag');
    expect(moved.status).toBe(1);
    expect(moved.stderr).toContain('not HEAD');
  });

  it('moves a version tag a maintainer pushed on HEAD to its release commit (--retag, as the release workflow does)', () => {
    const pushed = `v${version}-test.2`;
    sh('git', ['-c', 'user.email=t@example.org', '-c', 'user.name=T', 'tag', '-a', pushed, '-m', 'pushed'], clone);
    const r = releaseTree(pushed, '--retag');
    expect(r.status, r.stderr).toBe(0);
    expect(sh('git', ['rev-parse', `${pushed}^{commit}^`], clone).trim()).toBe(sh('git', ['rev-parse', 'HEAD'], clone).trim());
    expect(sh('git', ['ls-tree', '-r', '--name-only', pushed], clone).split('\n')).toContain('dist/cli.js');
  }, 300_000);

  it('installs globally from git and runs (npm i -g git+...#tag)', () => {
    const prefix = tempDir();
    sh('npm', ['install', '--global', '--prefix', prefix, '--prefer-offline', `git+file://${clone}#${tag}`], prefix);
    const bin = path.join(prefix, 'bin', 'riposte');
    expect(sh(bin, ['--version'], prefix).trim()).toBe(version);
    const user = tempDir({ 'arguments/a.yaml': 'source: {id: a, kind: letter, title: A, authors: [A], date: 2024}\nclaims:\n  - {id: a.one, summary: One., rebutts: x}\n' });
    const r = spawnSync(bin, ['validate', '--no-texts', '-f', 'json'], { cwd: user, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).diagnostics.map((d: { code: string }) => d.code).sort()).toEqual(['missing-quote', 'unknown-key']);
  }, 300_000);

  it("runs as pre-commit's remote hooks at that tag (Debian's pre-commit), on map files only", () => {
    const project = tempDir({
      'arguments/a.yaml': 'source: {id: a, kind: letter, title: A, authors: [A], date: 2024}\nclaims:\n  - {id: a.one, summary: One., quote: one, rebutts: x}\n',
      '.github/workflows/ci.yml': 'name:   ci\non: push\njobs: {}\n',
      '.pre-commit-config.yaml': `repos:\n  - repo: ${clone}\n    rev: ${tag}\n    hooks:\n      - id: riposte-validate\n      - id: riposte-fmt\n`,
    });
    const { hook } = underPreCommit(project);
    const failing = hook();
    expect(failing.stdout + failing.stderr).toContain("unknown key 'rebutts'");
    expect(failing.status).toBe(1);
    expect(readFileSync(path.join(project, '.github', 'workflows', 'ci.yml'), 'utf8')).toBe('name:   ci\non: push\njobs: {}\n');
  }, 300_000);
});
