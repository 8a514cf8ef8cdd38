/**
 * Whatever Markdown comes in, the import finishes with a file that lints
 * without errors: postmortems in the wild are messy, and one odd file must
 * not stop a batch.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { importPostmortem } from '../../src/core/import/index';
import { lintText } from '../../src/core/lint';

const stamp = fc.oneof(
  fc.constantFrom('2024-03-13 10:01', '2024-03-13 HH:mm', '14:??', '~2025-03-03 19:30', '2020-10-06 09:00 - 11:00', '20202-01-16 12:00', 'Dec 4, 2:10 PM', '2019-02-30 10:00', '25:61', '', '12:00 CET', '2024-13-01 10:00'),
  fc.tuple(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 })).map(
    ([y, mo, d, h, mi]) => `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')} ${h}:${String(mi).padStart(2, '0')}`,
  ),
);
const words = fc.string({ unit: 'grapheme', maxLength: 30 });
const line = fc.oneof(
  words,
  fc.tuple(stamp, words).map(([s, w]) => `| ${s} | ${w} |`),
  fc.tuple(stamp, words).map(([s, w]) => `- ${s} ${w}`),
  fc.constantFrom(
    '## Timeline',
    '## Summary',
    '## Contributing Factors',
    '## Action Items',
    '## Attendees',
    '## Stats',
    '# Title',
    '| Time | Event |',
    '| --- | --- |',
    'All times in CET.',
    'All times are Mars/Olympus',
    '- Time to detection: 64 minutes',
    '- Time to recovery: ?',
    '- [x] done thing (owner: Sam, due June 28)',
    '| Action | Owner | Due | Status |',
    '| x | TBD | Q3 | Won\'t do |',
    'Severity: SEV9',
    '---',
    '```',
    '<br>',
    '### 2024-02-30',
  ),
);

describe('import: robustness', () => {
  it('imports any mix of postmortem fragments to a file that lints without errors', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.constantFrom('notes.md', 'PM2019-009 - x.md', 'INC-1.md'), (lines, name) => {
        const result = importPostmortem(name, lines.join('\n'), { existingIds: ['PM2019-009'], defaultSeverity: 'SEV3', now: new Date('2026-01-15T10:30:00Z') });
        const errors = lintText(result.text).diagnostics.filter((d) => d.severity === 'error');
        assert.deepEqual(errors, [], result.text);
        assert.match(result.fileName, /^\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.md$/);
      }),
      { numRuns: 300 },
    );
  });
});
