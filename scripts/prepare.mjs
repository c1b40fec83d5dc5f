// npm runs `prepare` when riposte is installed from git: build it, or say plainly why not.
// A global install from git (`npm i -g git+...`) gets no devDependencies before `prepare`
// (an npm limitation), so there is no TypeScript to build with; release tags hold the build.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

try {
  createRequire(import.meta.url).resolve('typescript/package.json');
} catch {
  process.stderr.write(
    'riposte: cannot build this checkout: npm installed no build tools (a global install from git does not).\n' +
      'Install a release tag, which holds the build (npm i -g git+https://...#v1.2.3), install from npm, or clone and run npm ci.\n',
  );
  process.exit(1);
}
execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
