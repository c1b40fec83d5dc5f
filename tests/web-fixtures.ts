import { tempDir } from './helpers.js';

/** Strings a hostile pull request could put in a map, each of which must stay text on the page. */
export const HOSTILE = {
  script: '<script>window.__pwned = "script"</script>',
  image: '"><img src=x onerror="window.__pwned = \'img\'">',
  closeScript: '</script><script>window.__pwned = "json"</script>',
  javascriptUrl: 'javascript:window.__pwned = "url"',
  attribute: "' onmouseover='window.__pwned = \"attr\"' x='",
  svg: '<svg onload="window.__pwned = \'svg\'"></svg>',
  bidi: 'Accepted\u202e reversed \u2066isolated',
  comment: '<!-- unclosed',
  shortName: '<svg onload=alert(1)>',
} as const;

const yamlString = (value: string): string => JSON.stringify(value);

/**
 * A valid map whose every free-text field is hostile: summaries, notes, titles, authors,
 * locators, relation notes, evidence titles, and a URL that passes the schema's http(s) pattern
 * but tries to break out of its attribute.
 */
export function hostileMap(): string {
  const h = HOSTILE;
  const attack = `source:
  id: attacker
  kind: letter
  title: ${yamlString(h.script)}
  authors: [${yamlString(h.image)}, ${yamlString(h.closeScript)}]
  short_name: ${yamlString(h.shortName)}
  date: 2024-05-01
  url: ${yamlString('https://example.org/"onmouseover="window.__pwned=1"')}
  addressed_to: [${yamlString(h.attribute)}]
  note: ${yamlString(h.comment)}
claims:
  - id: attacker.script
    summary: ${yamlString(h.script)}
    locator: ${yamlString(h.closeScript)}
    evidence: [bad-evidence]
  - id: attacker.image
    summary: ${yamlString(h.image)}
    note: ${yamlString(h.javascriptUrl)}
    rebuts:
      - to: defender.claim
        note: ${yamlString(h.closeScript)}
  - id: attacker.bidi
    summary: ${yamlString(h.bidi)}
    supports: attacker.script
evidence:
  - id: bad-evidence
    kind: report
    title: ${yamlString(h.attribute)}
    publisher: ${yamlString(h.svg)}
`;
  const defence = `source:
  id: defender
  kind: statement
  title: ${yamlString(h.javascriptUrl)}
  authors: [Defender]
  date: 2024-04-01
claims:
  - id: defender.claim
    summary: ${yamlString(h.comment + ' ' + h.script)}
    note: ${yamlString(h.attribute)}
`;
  return tempDir({ 'riposte.config.yaml': 'maps: [arguments]\n', 'arguments/attacker.yaml': attack, 'arguments/defender.yaml': defence });
}
