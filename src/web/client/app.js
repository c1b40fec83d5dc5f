// @ts-check
/*
 * The riposte map page's script: filters, search, collapsing and keyboard navigation over a
 * tree the page already shows without it. Map text is only ever read and written as text
 * (textContent, text nodes): nothing from the map is parsed as markup.
 */
(() => {
  'use strict';
  const STATUS = ['answered', 'challenged', 'unanswered'];
  const LABEL = ['in', 'out', 'undecided'];
  const LABEL_WORDS = ['stand', 'defeated', 'undecided'];

  /** @param {string} id */
  const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
  const dataElement = byId('riposte-data');
  const tree = byId('tree');
  if (!dataElement || !tree) return;
  /** @type {{sources: {id: string, name: string, who: string}[], tags: string[], claims: [number, number, number, number[]][]}} */
  const data = JSON.parse(dataElement.textContent || '{}');
  const form = /** @type {HTMLFormElement} */ (byId('filters'));
  const field = /** @param {string} id */ (id) => /** @type {HTMLInputElement} */ (byId(id));
  const inputs = { q: field('q'), source: field('f-source'), author: field('f-author'), tag: field('f-tag'), status: field('f-status'), label: field('f-label') };
  const counts = byId('counts');
  const unansweredItems = /** @type {HTMLElement[]} */ (Array.from(document.querySelectorAll('#unanswered li[data-i]')));

  // ---- The tree as arrays: item k's parent, claim, subtree end (items are in document order).
  const items = /** @type {HTMLLIElement[]} */ (Array.from(tree.querySelectorAll('li.group, li.claim, li.ref')));
  const n = items.length;
  const parentOf = new Int32Array(n).fill(-1);
  const claimOf = new Int32Array(n).fill(-1);
  const subtreeEnd = new Int32Array(n);
  const hasChildren = new Uint8Array(n);
  const collapsed = new Uint8Array(n);
  const filteredOut = new Uint8Array(n);
  /** What the page shows for each item: hidden, and marked as context for a match below it. */
  const domHidden = new Uint8Array(n);
  const contextShown = new Uint8Array(n);
  const isClaim = new Uint8Array(n);
  /** @type {Map<Element, number>} */
  const indexOf = new Map();
  for (let k = 0; k < n; k++) indexOf.set(items[k], k);
  for (let k = 0; k < n; k++) {
    const li = items[k];
    const list = li.parentElement;
    const parent = list && list.parentElement;
    parentOf[k] = parent && parent.tagName === 'LI' ? /** @type {number} */ (indexOf.get(parent)) : -1;
    if (li.dataset.i !== undefined) claimOf[k] = Number(li.dataset.i);
    isClaim[k] = li.classList.contains('claim') ? 1 : 0;
    subtreeEnd[k] = k + 1;
  }
  for (let k = n - 1; k >= 0; k--) {
    const p = parentOf[k];
    if (p >= 0) {
      hasChildren[p] = 1;
      if (subtreeEnd[k] > subtreeEnd[p]) subtreeEnd[p] = subtreeEnd[k];
    }
  }

  // ---- WAI-ARIA tree pattern: roles, names, a roving tabindex, a twisty per parent.
  tree.setAttribute('role', 'tree');
  tree.setAttribute('aria-labelledby', 'debate-h');
  for (let k = 0; k < n; k++) {
    const li = items[k];
    li.setAttribute('role', 'treeitem');
    li.tabIndex = -1;
    const row = /** @type {HTMLElement} */ (li.firstElementChild);
    const name = row.querySelector('.summary, .group-name');
    if (name) {
      name.id = `n${k}`;
      li.setAttribute('aria-labelledby', name.id);
    }
    if (hasChildren[k]) {
      li.setAttribute('aria-expanded', 'true');
      const group = li.lastElementChild;
      if (group) group.setAttribute('role', 'group');
      const twisty = document.createElement('span');
      twisty.className = 'twisty';
      twisty.setAttribute('aria-hidden', 'true');
      twisty.textContent = '▾';
      row.prepend(twisty);
    }
  }
  let current = items[0];
  if (current) current.tabIndex = 0;

  /** @param {number} k @param {boolean} close */
  function setCollapsed(k, close) {
    if (!hasChildren[k] || collapsed[k] === (close ? 1 : 0)) return;
    collapsed[k] = close ? 1 : 0;
    const li = items[k];
    li.setAttribute('aria-expanded', close ? 'false' : 'true');
    const twisty = li.firstElementChild && li.firstElementChild.firstElementChild;
    if (twisty && twisty.classList.contains('twisty')) twisty.textContent = close ? '▸' : '▾';
  }

  /** Whether item k can be seen: not filtered out, no ancestor collapsed or filtered out. @param {number} k */
  function shown(k) {
    if (filteredOut[k]) return false;
    for (let p = parentOf[k]; p !== -1; p = parentOf[p]) if (collapsed[p] || filteredOut[p]) return false;
    return true;
  }

  /** The next item that can be seen after k, or -1. @param {number} k */
  function nextShown(k) {
    let j = hasChildren[k] && !collapsed[k] ? k + 1 : subtreeEnd[k];
    while (j < n && filteredOut[j]) j = subtreeEnd[j];
    return j < n ? j : -1;
  }

  /** @param {number} k */
  function previousShown(k) {
    let j = k - 1;
    while (j >= 0 && !shown(j)) j--;
    return j;
  }

  /** @param {HTMLLIElement} li @param {boolean} [focus] */
  function makeCurrent(li, focus = true) {
    if (current !== li) {
      if (current) current.tabIndex = -1;
      li.tabIndex = 0;
      current = li;
    }
    if (focus) li.focus();
  }

  tree.addEventListener('keydown', (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    if (target.getAttribute('role') !== 'treeitem') return;
    const k = /** @type {number} */ (indexOf.get(target));
    let to = -1;
    switch (event.key) {
      case 'ArrowDown':
        to = nextShown(k);
        break;
      case 'ArrowUp':
        to = previousShown(k);
        break;
      case 'ArrowRight':
        if (hasChildren[k] && collapsed[k]) setCollapsed(k, false);
        else if (hasChildren[k]) to = nextShown(k);
        break;
      case 'ArrowLeft':
        if (hasChildren[k] && !collapsed[k]) setCollapsed(k, true);
        else to = parentOf[k];
        break;
      case 'Home':
        to = shown(0) ? 0 : nextShown(0);
        break;
      case 'End':
        to = previousShown(n);
        break;
      case 'Enter':
      case ' ':
        if (!hasChildren[k]) return;
        setCollapsed(k, !collapsed[k]);
        break;
      case '*':
        for (let j = 0; j < n; j++) if (parentOf[j] === parentOf[k]) setCollapsed(j, false);
        break;
      default:
        return;
    }
    event.preventDefault();
    if (to >= 0) makeCurrent(items[to]);
  });

  tree.addEventListener('click', (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    const li = /** @type {HTMLLIElement | null} */ (target.closest('li[role="treeitem"]'));
    if (!li) return;
    if (target.classList.contains('twisty')) {
      const k = /** @type {number} */ (indexOf.get(li));
      setCollapsed(k, !collapsed[k]);
    }
    if (!target.closest('a, summary, details')) makeCurrent(li);
    else makeCurrent(li, false);
  });

  const toolbar = document.querySelector('#debate .toolbar');
  if (toolbar) toolbar.removeAttribute('hidden');
  byId('expand-all').addEventListener('click', () => {
    for (let k = 0; k < n; k++) setCollapsed(k, false);
  });
  byId('collapse-all').addEventListener('click', () => {
    for (let k = 0; k < n; k++) setCollapsed(k, parentOf[k] !== -1);
    if (current && !shown(/** @type {number} */ (indexOf.get(current)))) {
      let k = /** @type {number} */ (indexOf.get(current));
      while (!shown(k)) k = parentOf[k];
      makeCurrent(items[k], false);
    }
  });

  // ---- Filters and search.
  /** @type {string[] | null} */
  let searchText = null;
  /** The lower-cased summary and quotes of each claim, read from the page once, when first searched. */
  function texts() {
    if (searchText) return searchText;
    const out = new Array(data.claims.length).fill('');
    for (let k = 0; k < n; k++) {
      if (!isClaim[k]) continue;
      const row = /** @type {HTMLElement} */ (items[k].firstElementChild);
      let text = row.getElementsByClassName('summary')[0]?.textContent ?? '';
      const quotes = row.getElementsByTagName('blockquote');
      for (let q = 0; q < quotes.length; q++) text += '\n' + quotes[q].textContent;
      out[claimOf[k]] = text.toLowerCase();
    }
    searchText = out;
    return out;
  }

  function readFilters() {
    return {
      q: inputs.q.value.trim().toLowerCase(),
      source: inputs.source.value,
      author: inputs.author.value.trim().toLowerCase(),
      tag: inputs.tag.value,
      status: inputs.status.value,
      label: inputs.label.value,
    };
  }

  /** @type {Set<HTMLDetailsElement>} */
  const openedBySearch = new Set();
  /** @type {HTMLElement[]} */
  let marked = [];
  // Matches are painted with the CSS Custom Highlight API where there is one: no change to the
  // page's elements, so highlighting thousands of matches costs no layout. Else, <mark>.
  const highlights = typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function' ? CSS.highlights : null;
  /** @type {Range[]} */
  let ranges = [];

  function clearMarks() {
    highlightRun++;
    for (const element of marked) {
      for (const mark of Array.from(element.querySelectorAll('mark'))) mark.replaceWith(/** @type {string} */ (mark.textContent));
      element.normalize();
    }
    marked = [];
    ranges = [];
    if (highlights) highlights.delete('riposte-search');
    for (const details of openedBySearch) details.open = false;
    openedBySearch.clear();
  }

  /** Mark each occurrence of `needle` in the text of `element`; whether there was one. @param {HTMLElement} element @param {string} needle */
  function mark(element, needle) {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    /** @type {Text[]} */
    const nodes = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(/** @type {Text} */ (node));
    let found = false;
    for (const node of nodes) {
      const value = node.data;
      const lower = value.toLowerCase();
      if (lower.length !== value.length) continue; // offsets would not line up
      let at = lower.indexOf(needle);
      if (at < 0) continue;
      found = true;
      if (highlights) {
        for (; at >= 0; at = lower.indexOf(needle, at + needle.length)) {
          const range = new Range();
          range.setStart(node, at);
          range.setEnd(node, at + needle.length);
          ranges.push(range);
        }
        continue;
      }
      const fragment = document.createDocumentFragment();
      let from = 0;
      while (at >= 0) {
        fragment.append(value.slice(from, at));
        const m = document.createElement('mark');
        m.textContent = value.slice(at, at + needle.length);
        fragment.append(m);
        from = at + needle.length;
        at = lower.indexOf(needle, from);
      }
      fragment.append(value.slice(from));
      node.replaceWith(fragment);
    }
    if (found && !highlights) marked.push(element);
    return found;
  }

  /** Marks the matches of item k's claim: its summary, and its quotes (opened to show them). @param {number} k @param {string} needle */
  function highlightItem(k, needle) {
    const row = /** @type {HTMLElement} */ (items[k].firstElementChild);
    const summary = /** @type {HTMLElement | undefined} */ (row.getElementsByClassName('summary')[0]);
    if (summary) mark(summary, needle);
    const details = /** @type {HTMLDetailsElement | undefined} */ (row.getElementsByClassName('quote')[0]);
    if (!details) return;
    let inQuote = false;
    const quotes = details.getElementsByTagName('blockquote');
    for (let q = 0; q < quotes.length; q++) inQuote = mark(/** @type {HTMLElement} */ (quotes[q]), needle) || inQuote;
    if (inQuote && !details.open) {
      details.open = true;
      openedBySearch.add(details);
    }
  }

  let highlightRun = 0;
  /**
   * Highlight the matches in batches: the first ones at once, the rest between frames, so a
   * search that matches thousands of claims shows its result without waiting for every mark.
   * @param {Uint8Array} matched @param {string} needle
   */
  function highlightMatches(matched, needle) {
    const run = ++highlightRun;
    let k = 0;
    const batch = (/** @type {number} */ size) => {
      if (run !== highlightRun) return;
      for (let done = 0; k < n && done < size; k++) {
        if (!isClaim[k] || !matched[claimOf[k]]) continue;
        highlightItem(k, needle);
        done++;
      }
      if (highlights && ranges.length > 0) highlights.set('riposte-search', new Highlight(...ranges));
      if (k < n) setTimeout(() => batch(500));
    };
    batch(100);
  }

  /** Filter the tree, the unanswered list and the counts; returns how many claims match. */
  function apply() {
    const f = readFilters();
    const active = Boolean(f.q || f.source || f.author || f.tag || f.status || f.label);
    const claims = data.claims;
    const m = claims.length;
    const matched = new Uint8Array(m);
    const haystack = f.q ? texts() : null;
    const sourceOk = data.sources.map((s) => (f.source === '' || f.source === s.id) && (!f.author || s.who.includes(f.author)));
    const tag = f.tag === '' ? -1 : Number(f.tag);
    const status = STATUS.indexOf(f.status);
    const label = LABEL.indexOf(f.label);
    const statusCounts = [0, 0, 0];
    const labelCounts = [0, 0, 0];
    let count = 0;
    for (let i = 0; i < m; i++) {
      const c = claims[i];
      if (!sourceOk[c[0]] || (status >= 0 && c[1] !== status) || (label >= 0 && c[2] !== label) || (tag >= 0 && !c[3].includes(tag))) continue;
      if (haystack && !haystack[i].includes(f.q)) continue;
      matched[i] = 1;
      count++;
      statusCounts[c[1]]++;
      labelCounts[c[2]]++;
    }

    // Bottom-up: an item is visible when it matches or something below it does.
    const visible = new Uint8Array(n);
    const own = new Uint8Array(n);
    for (let k = n - 1; k >= 0; k--) {
      own[k] = claimOf[k] >= 0 && matched[claimOf[k]] === 1 ? 1 : 0;
      if (own[k] || visible[k]) {
        visible[k] = 1;
        if (parentOf[k] >= 0) visible[parentOf[k]] = 1;
      }
      filteredOut[k] = active && !visible[k] ? 1 : 0;
    }
    // Only the topmost hidden item of each hidden subtree is touched: what lies below it is
    // hidden with it, and is brought up to date when its parent shows again.
    for (let k = 0; k < n; k++) {
      const p = parentOf[k];
      if (p >= 0 && filteredOut[p]) continue;
      if (domHidden[k] !== filteredOut[k]) {
        domHidden[k] = filteredOut[k];
        items[k].hidden = filteredOut[k] === 1;
      }
      const context = active && visible[k] === 1 && !own[k] && claimOf[k] >= 0 ? 1 : 0;
      if (contextShown[k] !== context) {
        contextShown[k] = context;
        items[k].classList.toggle('context', context === 1);
      }
    }
    for (const li of unansweredItems) {
      const out = active && !matched[Number(li.dataset.i)];
      if (li.hidden !== out) li.hidden = out;
    }

    clearMarks();
    if (f.q) highlightMatches(matched, f.q);

    const summary = `${count} claims: ${statusCounts[0]} answered, ${statusCounts[1]} challenged, ${statusCounts[2]} unanswered; ${labelCounts[0]} ${LABEL_WORDS[0]}, ${labelCounts[1]} ${LABEL_WORDS[1]}, ${labelCounts[2]} ${LABEL_WORDS[2]}`;
    counts.textContent = active ? `Showing ${count} of ${m} claims. ${summary.slice(summary.indexOf(':') + 2)}` : summary;
    if (current && !shown(/** @type {number} */ (indexOf.get(current)))) {
      const first = firstShown();
      if (first >= 0) makeCurrent(items[first], false);
    }
    return count;
  }

  function firstShown() {
    for (let k = 0; k < n; k++) if (shown(k)) return k;
    return -1;
  }

  // ---- The URL fragment keeps the state: #status=unanswered&q=scan, or #c-ID for one claim.
  function writeFragment() {
    const f = readFilters();
    const params = new URLSearchParams();
    if (inputs.q.value.trim()) params.set('q', inputs.q.value.trim());
    if (f.source !== '') params.set('source', f.source);
    if (inputs.author.value.trim()) params.set('author', inputs.author.value.trim());
    if (f.tag !== '') params.set('tag', data.tags[Number(f.tag)]);
    if (f.status) params.set('status', f.status);
    if (f.label) params.set('label', f.label);
    const fragment = params.toString();
    history.replaceState(null, '', fragment ? `#${fragment}` : location.pathname + location.search);
  }

  /** @param {string} id */
  function revealClaim(id) {
    const li = /** @type {HTMLLIElement | null} */ (document.getElementById(`c-${id}`));
    if (!li || indexOf.get(li) === undefined) return;
    const k = /** @type {number} */ (indexOf.get(li));
    if (!shown(k) && filteredOut[k]) {
      form.reset();
      apply();
    }
    for (let p = parentOf[k]; p !== -1; p = parentOf[p]) setCollapsed(p, false);
    for (const old of Array.from(tree.querySelectorAll('li.target'))) old.classList.remove('target');
    li.classList.add('target');
    makeCurrent(li);
    li.scrollIntoView({ block: 'center' });
  }

  function readFragment() {
    const hash = decodeURIComponent(location.hash.slice(1));
    if (hash.startsWith('c-') && !hash.includes('=')) {
      revealClaim(hash.slice(2));
      return;
    }
    if (!location.hash.includes('=')) return;
    const params = new URLSearchParams(location.hash.slice(1));
    const tagIndex = data.tags.indexOf(params.get('tag') ?? '');
    inputs.q.value = params.get('q') ?? '';
    inputs.source.value = data.sources.some((s) => s.id === params.get('source')) ? /** @type {string} */ (params.get('source')) : '';
    inputs.author.value = params.get('author') ?? '';
    inputs.tag.value = tagIndex >= 0 ? String(tagIndex) : '';
    inputs.status.value = STATUS.includes(params.get('status') ?? '') ? /** @type {string} */ (params.get('status')) : '';
    inputs.label.value = LABEL.includes(params.get('label') ?? '') ? /** @type {string} */ (params.get('label')) : '';
    apply();
    const claim = params.get('claim');
    if (claim) revealClaim(claim);
  }

  form.removeAttribute('hidden');
  const onChange = () => {
    apply();
    writeFragment();
  };
  form.addEventListener('change', onChange);
  form.addEventListener('input', onChange);
  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('reset', () => setTimeout(onChange));
  window.addEventListener('hashchange', readFragment);

  // Printing shows every quote, and puts them back as they were afterwards.
  /** @type {HTMLDetailsElement[]} */
  let openedForPrint = [];
  window.addEventListener('beforeprint', () => {
    openedForPrint = Array.from(document.querySelectorAll('details:not([open])'));
    for (const d of openedForPrint) d.open = true;
  });
  window.addEventListener('afterprint', () => {
    for (const d of openedForPrint) d.open = false;
    openedForPrint = [];
  });

  readFragment();
  // Read the text to search while the reader is still looking, so the first search is quick.
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => texts());
})();
