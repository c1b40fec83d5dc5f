import escapeHtml from 'escape-html';
import { safeText } from '../render/sanitize.js';

/**
 * Markup known to be safe: made only by `html` below, which escapes everything it is
 * given that is not itself SafeHtml. Map text can therefore never become markup.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = SafeHtml | string | number | null | undefined | false | readonly Part[];

function emit(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof SafeHtml) return part.value;
  if (Array.isArray(part)) return part.map(emit).join('');
  return text(String(part));
}

/** A template whose interpolations are escaped for text and for quoted attribute values alike. */
export function html(strings: TemplateStringsArray, ...parts: Part[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < parts.length; i++) out += emit(parts[i]!) + strings[i + 1]!;
  return new SafeHtml(out);
}

/**
 * Map text as HTML text: markup characters escaped, and controls (C0, C1, the bidi
 * overrides of "Trojan Source") shown as visible escapes rather than obeyed.
 */
export function text(value: string): string {
  return escapeHtml(safeText(value));
}

/** Join pieces of markup. */
export function join(parts: readonly SafeHtml[], separator = ''): SafeHtml {
  return new SafeHtml(parts.map((p) => p.value).join(separator));
}

/** A URL becomes a link only when it is http(s); anything else (javascript:, data:) stays text. */
export function safeHref(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** A link to an external page, or the URL as text when it is not http(s). */
export function externalLink(url: string | undefined, label?: string): SafeHtml {
  if (url === undefined) return html``;
  const href = safeHref(url);
  return href ? html`<a href="${href}" rel="noopener noreferrer nofollow" class="ext">${label ?? url}</a>` : html`<span class="url">${url}</span>`;
}

/**
 * JSON inside <script type="application/json">: the characters that could close the
 * element or open a comment are written as \u escapes, which JSON.parse reads back.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
