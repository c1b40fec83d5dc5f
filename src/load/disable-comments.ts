/**
 * `# riposte-disable-next-line CODE[, CODE] -- reason` comments: where they are and what they
 * say. Only a comment on a line of its own counts (a '#' inside a value is text); it applies
 * to the next line that is neither blank nor a comment.
 */
export interface DisableComment {
  /** 1-based line and column of the comment's '#'; offset of the '#' in the file. */
  line: number;
  column: number;
  offset: number;
  /** The line the comment silences findings on (0 when nothing follows it). */
  target: number;
  /** The codes it names, as written. */
  codes: string[];
  /** What follows ' -- ', trimmed; empty when no reason is given. */
  reason: string;
}

const MARKER = 'riposte-disable-next-line';
const COMMENT = /^([ \t]*)#[ \t]*riposte-disable-next-line(?=\s|$)(.*)$/;
const COMMENT_OR_BLANK = /^[ \t]*(#.*)?\r?$/;

export function findDisableComments(text: string): DisableComment[] {
  if (!text.includes(MARKER)) return [];
  const comments: DisableComment[] = [];
  let pending: DisableComment[] = [];
  let line = 0;
  for (let at = 0; at <= text.length; ) {
    const end = text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at);
    const content = text.slice(at, end).replace(/\r$/, '');
    line++;
    const match = COMMENT.exec(content);
    if (match) {
      const [written, why] = splitReason(match[2]!);
      const comment: DisableComment = {
        line,
        column: match[1]!.length + 1,
        offset: at + match[1]!.length,
        target: 0,
        codes: written.split(/[\s,]+/).filter((code) => code.length > 0),
        reason: why,
      };
      comments.push(comment);
      pending.push(comment);
    } else if (!COMMENT_OR_BLANK.test(content)) {
      for (const comment of pending) comment.target = line;
      pending = [];
    }
    at = end + 1;
  }
  return comments;
}

function splitReason(rest: string): [string, string] {
  const dashes = rest.search(/(^|\s)--(\s|$)/);
  if (dashes < 0) return [rest.trim(), ''];
  const start = rest.indexOf('--', dashes);
  return [rest.slice(0, start).trim(), rest.slice(start + 2).trim()];
}
