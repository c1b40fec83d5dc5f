/** XML 1.0 allows no C0 controls but tab and line breaks, nor U+FFFE/U+FFFF: shown escaped, as text. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Text for an XML attribute or element: markup escaped, characters XML cannot carry written as `\xNN`. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
