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
