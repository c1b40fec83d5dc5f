import { plural, shownDate } from '../render/labels.js';
import type { TreeNode } from '../graph/tree.js';
import { claimAnchor, claimBody, sourceAnchor, sourceName } from './claim-html.js';
import { html } from './html.js';
import type { PageModel } from './page-model.js';

/**
 * The debate as nested lists, in debate order: one item per source with its opening claims,
 * each claim with its responses below it. A claim reached a second time is a link to where
 * it is shown. Readable as it is; the page's script makes it a keyboard-navigable tree.
 * Written in chunks with an explicit stack, so a chain of any depth fits.
 */
export function* treeHtml(model: PageModel): Generator<string> {
  const indexOf = new Map(model.sources.map((s, i) => [s.source.id, i]));
  yield '<ul id="tree" class="tree">';
  for (const section of model.tree) {
    const index = indexOf.get(section.source.id) ?? -1;
    const source = section.source;
    const count = model.sources[index]?.claims.length ?? 0;
    yield html`<li class="group" data-s="${index}"><div class="row"><span class="group-name">${sourceName(source)}</span> <span class="muted">${shownDate(source)} · ${plural(count, 'claim')}</span> <a href="#${sourceAnchor(source.id)}" class="muted">about this source</a></div>`.value;
    if (section.roots.length === 0) {
      yield '</li>';
      continue;
    }
    yield '<ul>';
    const stack: (TreeNode | 'close')[] = [...section.roots].reverse();
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node === 'close') {
        yield '</ul></li>';
        continue;
      }
      const page = model.byId.get(node.claimId);
      if (!page) continue;
      if (node.reference) {
        const where = node.reference === 'cycle' ? 'a cycle: shown above as its own ancestor' : 'shown above';
        yield html`<li class="ref" data-i="${page.index}"><div class="row">${node.relation ? html`<span class="kind k-${node.relation.kind}">${node.relation.kind}</span> ` : ''}<a href="#${claimAnchor(node.claimId)}" class="summary">${page.claim.summary}</a> <span class="muted">(${where})</span></div></li>`.value;
        continue;
      }
      yield html`<li class="claim st-${page.status} lb-${page.label}" id="${claimAnchor(node.claimId)}" data-i="${page.index}">`.value;
      yield claimBody(model, page, node.relation).value;
      if (node.children.length === 0) {
        yield '</li>';
        continue;
      }
      yield '<ul>';
      stack.push('close');
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    }
    yield '</ul></li>';
  }
  yield '</ul>';
}
