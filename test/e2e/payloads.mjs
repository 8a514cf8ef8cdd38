// An incident whose timeline text, who and evidence carry classic injection
// payloads. Each payload that ran would set window.__pwned, change a title,
// open a dialog or break the page's CSP; the suite checks none of that happens
// and that every payload shows as plain text.

/** Written into YAML double-quoted strings (JSON escapes are YAML's). */
export const PAYLOADS = {
  scriptTag: '<script>window.__pwned = "script tag"; document.title = "pwned"</script>',
  closeScript: '</script><script>window.__pwned = "close script"</script>',
  imgOnerror: '<img src=x onerror="window.__pwned = \'onerror\'; alert(1)">',
  svgOnload: '<svg onload="alert(\'svg\')"><circle r="5"/></svg>',
  iframeSrcdoc: '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  markdownLink: '[click me](javascript:alert(document.domain))',
  styleBreakout: '</style><style>body { display: none !important }</style>',
  cssInjection: 'red; } body { background: url("https://evil.example/x.png") } .row {',
  templateLiteral: '${alert(1)} {{constructor.constructor("alert(1)")()}}',
  entities: '&lt;script&gt;alert(1)&lt;/script&gt; &#x3C;b&#x3E;',
};

export const EVIDENCE = {
  javascript: 'javascript:alert(document.cookie)',
  javascriptSpaced: ' JaVaScRiPt:window.__pwned=1',
  data: 'data:text/html,<script>alert(1)</script>',
  webWithMarkup: 'https://ok.example/search?q=<script>alert(1)</script>',
};

/** A text longer than any screen, in one YAML line. */
export const LONG_TEXT = `Very long line: ${'timeline-without-spaces-'.repeat(2500)}`;

const quote = (value) => JSON.stringify(value);

export function payloadIncident() {
  const entries = [
    { at: '14:02', kind: 'trigger', who: PAYLOADS.svgOnload, text: PAYLOADS.scriptTag, evidence: EVIDENCE.javascript },
    { at: '14:05', kind: 'observation', who: PAYLOADS.styleBreakout, text: PAYLOADS.closeScript, evidence: EVIDENCE.data },
    { at: '14:09', kind: 'detection', who: 'alerting', text: PAYLOADS.imgOnerror, evidence: EVIDENCE.javascriptSpaced },
    { at: '14:12', kind: 'diagnosis', who: PAYLOADS.cssInjection, text: PAYLOADS.iframeSrcdoc, evidence: EVIDENCE.webWithMarkup },
    { at: '14:15', kind: 'communication', who: PAYLOADS.templateLiteral, text: PAYLOADS.markdownLink },
    { at: '14:20', kind: 'decision', who: 'Priya', text: PAYLOADS.entities },
    { at: '14:25', kind: 'action', who: 'Sam', text: LONG_TEXT },
    // An unknown kind must not become a class or a selector.
    { at: '14:30', kind: 'x" onmouseover="alert(1)', who: PAYLOADS.cssInjection, text: PAYLOADS.styleBreakout },
  ];
  const lines = entries.map((entry) => {
    const fields = [`at: 2026-11-21T${entry.at}:00Z`, `kind: ${quote(entry.kind)}`, `who: ${quote(entry.who)}`, `text: ${quote(entry.text)}`];
    if (entry.evidence !== undefined) fields.push(`evidence: ${quote(entry.evidence)}`);
    return `  - {${fields.join(', ')}}`;
  });
  return [
    '---',
    'id: INC-2026-666',
    `title: ${quote(`Payloads ${PAYLOADS.scriptTag}`)}`,
    'status: investigating',
    'severity: SEV3',
    'started: 2026-11-21T14:00:00Z',
    'timeline:',
    ...lines,
    '---',
    '',
    'Every timeline value above is hostile; the panel shows it as text.',
    '',
  ].join('\n');
}

/** One more hostile entry, added on disk while the panel is open (a re-render with payloads). */
export function withExtraEntry(text) {
  const extra = `  - {at: 2026-11-21T14:40:00Z, kind: action, who: ${quote(PAYLOADS.imgOnerror)}, text: ${quote(`Re-render ${PAYLOADS.closeScript}`)}, evidence: ${quote(EVIDENCE.javascript)}}`;
  return text.replace('\n---\n\nEvery', `\n${extra}\n---\n\nEvery`);
}

// ---- One list for every panel (webview-safety.e2e.mjs) -------------------

/** A line longer than any screen, without a space to break at (shorter than LONG_TEXT: it stands in many fields). */
export const LONG_LINE = `Very long line: ${'no-break-'.repeat(700)}end`;

/**
 * Every payload the webview-safety suite places, as [name, value]: script tags and `</script>`
 * inside YAML strings, event handlers, `javascript:` and `data:` links (Markdown, autolinks, bare),
 * CSS injection, Markdown that would load or open something, and a very long line. Every value is
 * written into YAML double-quoted strings (JSON escapes), so none may be a YAML key over 1,024
 * characters: the long line is never a key.
 */
export const HOSTILE = [
  ...Object.entries(PAYLOADS),
  ...Object.entries(EVIDENCE),
  ['jsLink', '[open me](javascript:window.__pwned=1)'],
  ['dataLink', '[data](data:text/html,<script>parent.__pwned=1</script>)'],
  ['autolink', '<javascript:alert(1)>'],
  ['image', '![x" onerror="window.__pwned=1](https://evil.example/x.png)'],
  ['command', '[quit](command:workbench.action.quit)'],
  ['htmlComment', '<!-- <script>window.__pwned = "comment"</script> -->'],
  ['attributeQuote', '" onmouseover="window.__pwned = 1" x="'],
  ['styleAttribute', '<div style="background: url(javascript:alert(1))">styled</div>'],
  ['cssImport', '@import url("https://evil.example/x.css"); * { color: red }'],
  ['longLine', LONG_LINE],
];

/**
 * The hostile incident: every field a panel shows (id, title, severity, status, services, tags,
 * roles, participants, impact, review, factors, code links, commits, actions, timeline at, kind,
 * who, text and evidence, and the body's sections, headings, perspectives, links, images, code and
 * tables) carries values of HOSTILE, each payload in many fields. `round` changes the file so the
 * panels render it again: an entry, an action and a heading say `Re-render <round>`.
 */
export function hostileIncident(round = 0) {
  const n = HOSTILE.length;
  const p = (i) => HOSTILE[((i % n) + n) % n][1];
  const short = HOSTILE.filter(([name]) => name !== 'longLine').map(([, value]) => value);
  const q = (value) => JSON.stringify(value);
  const at = (minute) => `2026-11-21T${String(14 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00Z`;
  const marker = `Re-render ${round} ${PAYLOADS.closeScript}`;
  const entries = HOSTILE.map((_, i) => `  - {at: ${at(i * 2)}, kind: ${q(p(i + 3))}, who: ${q(p(i + 1))}, text: ${q(p(i))}, evidence: ${q(p(i + 2))}}`);
  // Even actions are dropped (their due and reason are payloads); odd ones open and long overdue (their owner is listed as overdue).
  const actions = HOSTILE.map((_, i) =>
    i % 2 === 0
      ? `  - {id: ${q(`A${i + 1} ${p(i + 5)}`)}, title: ${q(p(i))}, owner: ${q(p(i + 1))}, due: ${q(p(i + 2))}, status: dropped, kind: ${q(p(i + 3))}, link: ${q(p(i + 4))}, reason: ${q(p(i + 6))}}`
      : `  - {id: ${q(`A${i + 1}`)}, title: ${q(p(i))}, owner: ${q(p(i + 1))}, due: 2026-01-${String((i % 28) + 1).padStart(2, '0')}, status: open, kind: ${q(p(i + 3))}, link: ${q(p(i + 4))}}`,
  );
  return [
    '---',
    `id: ${q(PAYLOADS.imgOnerror)}`,
    `title: ${q(PAYLOADS.scriptTag)}`,
    `status: ${q(PAYLOADS.closeScript)}`,
    `severity: ${q(PAYLOADS.styleBreakout)}`,
    'started: 2026-11-21T14:00:00Z',
    'detected: 2026-11-21T14:05:00Z',
    'mitigated: 2026-11-21T14:30:00Z',
    'resolved: 2026-11-21T15:00:00Z',
    `services: [${HOSTILE.map(([, value]) => q(value)).join(', ')}]`,
    `tags: [${HOSTILE.map(([, value]) => q(value)).join(', ')}]`,
    `roles: {commander: ${q(p(0))}, communications: ${q(p(1))}, ${short.map((value, i) => `${q(value)}: ${q(p(i + 2))}`).join(', ')}}`,
    `participants: [${HOSTILE.map(([, value]) => q(value)).join(', ')}]`,
    `impact: {summary: ${q(p(3))}, customers: ${q(p(4))}, duration_note: ${q(p(5))}}`,
    'near_miss: false',
    `review: {status: ${q(PAYLOADS.svgOnload)}, facilitator: ${q(PAYLOADS.iframeSrcdoc)}, held: ${q(PAYLOADS.templateLiteral)}}`,
    'factors:',
    ...HOSTILE.map((_, i) => `  - {kind: ${q(p(i + 7))}, text: ${q(p(i))}}`),
    'code:',
    ...HOSTILE.map((_, i) => `  - {path: ${q(`svc/${p(i)}/file.ts`)}, lines: 1-2, pattern: ${q(p(i + 1))}, note: ${q(p(i + 2))}}`),
    'commits:',
    `  - {sha: 3f2a9c1, role: trigger, repo: ${q(EVIDENCE.data)}}`,
    'actions:',
    ...actions,
    `  - {id: R${round}, title: ${q(marker)}, owner: ${q(PAYLOADS.svgOnload)}, status: dropped, reason: ${q(marker)}}`,
    'timeline:',
    ...entries,
    `  - {at: ${q(PAYLOADS.scriptTag)}, kind: action, who: ${q(PAYLOADS.cssInjection)}, text: ${q(`An unreadable time ${PAYLOADS.imgOnerror}`)}}`,
    `  - {at: ${at(59)}, kind: action, who: ${q(PAYLOADS.svgOnload)}, text: ${q(marker)}, evidence: ${q(EVIDENCE.javascript)}}`,
    '---',
    '',
    `# ${p(0)}`,
    '',
    '## Summary',
    '',
    ...short.map((value) => `${value}\n`),
    LONG_LINE,
    '',
    '## Narrative',
    '',
    ...HOSTILE.map((_, i) => `It was human error ${p(i)} said someone.\n`),
    '## Perspectives',
    '',
    ...short.map((value, i) => `### ${value}\n\n${p(i + 1)}\n`),
    `### ${marker}`,
    '',
    '## What went well',
    '',
    ...short.map((value, i) => `- [${value}](javascript:window.__pwned=${i}) and [web](${EVIDENCE.webWithMarkup.replace(/[<>]/g, '')}) and ![${value}](${EVIDENCE.data})`),
    ...short.map((value, i) => `- [link ${i}](${value.replace(/[\s()]/g, '')}) and ![image ${i}](${value.replace(/[\s()]/g, '')}) and \`${value.replace(/`/g, '')}\``),
    '',
    '## Where we got lucky',
    '',
    '```html',
    ...short,
    '```',
    '',
    '| field | value |',
    '|---|---|',
    ...short.map((value, i) => `| ${i} | ${value.replace(/\|/g, '')} |`),
    '',
    '## Open questions',
    '',
    ...short.map((value) => `> ${value}\n`),
    '## Learnings',
    '',
    ...short.map((value, i) => `${i + 1}. **${value}** _${p(i + 1)}_ ~~${p(i + 2)}~~`),
    '',
  ].join('\n');
}
