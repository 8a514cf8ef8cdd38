/**
 * Contributing factors (or a "root cause" section) as `factors`, each with a
 * kind guessed from its words. A guess is only a starting point for the
 * review; the text is kept as written.
 */
import { flattenItem, readBlocks, stripInline } from './markdown';
import type { Factor, FactorKind } from './types';

const KIND_WORDS: ReadonlyArray<[FactorKind, RegExp]> = [
  ['monitoring', /\b(monitor\w*|alert\w*|observab\w*|dashboards?|metrics?|detect\w*|visibility|noise|noisy|blind|signals?|logging|health ?checks?|probes?)\b/gi],
  ['communication', /\b(communicat\w*|announce\w*|slack|inform\w*|notif\w*|coordinat\w*|hand-?over|escalation|channels?|messages?|told|responses? from)\b/gi],
  ['knowledge', /\b(knowledge|document\w*|experience\w*|understand\w*|unaware|aware|assum\w*|unclear|training|overlooked|misleading|not known|learning|familiar\w*|expertise)\b/gi],
  ['capacity', /\b(capacity|memory|cpu|oom|scal\w*|resources?|quotas?|starv\w*|disk|load|traffic|exhaust\w*|limits? reached|saturat\w*|ip address\w*|overprovision\w*|sized?)\b/gi],
  ['config', /\b(config\w*|misconfig\w*|settings?|parameters?|flags?|annotations?|headers?|policy|policies|rules?|limitranges?|thresholds?|defaults?|hard-?coded|variables?)\b/gi],
  ['dependency', /\b(vendors?|third[- ]party|upstream|providers?|external|dependen\w*|librar\w*|packages?|bugs? in|aws|amazon|azure|okta|docker hub|supplier|sla|recalled)\b/gi],
  ['change', /\b(deploy\w*|releases?|released|upgrade\w*|updates?|updated|migrat\w*|roll-?outs?|rolled out|changes?|changed|merge\w*|commit\w*|versions?|bump\w*|patch\w*|refactor\w*)\b/gi],
  ['process', /\b(process\w*|review\w*|procedures?|playbooks?|runbooks?|test\w*|qa|staging|sandbox|pipelines?|strateg\w*|prioriti\w*|workshop|governance|lifecycle|on-?call|availability of|hours|policy for|manual\w*|priority)\b/gi],
];

export function guessFactorKind(text: string): FactorKind {
  let best: FactorKind = 'other';
  let bestScore = 0;
  for (const [kind, pattern] of KIND_WORDS) {
    const score = text.match(pattern)?.length ?? 0;
    if (score > bestScore) {
      best = kind;
      bestScore = score;
    }
  }
  return best;
}

export interface FactorReading {
  readonly factors: Factor[];
  /** Lines not read as factors (an introduction, a table), for the body. */
  readonly kept: string[];
}

export function readFactors(lines: readonly string[]): FactorReading {
  const blocks = readBlocks([...lines]);
  const hasList = blocks.some((b) => b.kind === 'list');
  const factors: Factor[] = [];
  const kept: string[] = [];
  for (const block of blocks) {
    if (block.kind === 'list') {
      for (const item of block.items) addFactor(factors, flattenItem(item));
    } else if (block.kind === 'text' && !hasList) {
      for (const paragraph of paragraphs(block.lines)) {
        // "There were several factors:" introduces, it is not a factor.
        if (/:\s*$/.test(paragraph) || /^(TBD|TODO|n\/a)\.?$/i.test(paragraph)) kept.push(paragraph, '');
        else addFactor(factors, paragraph);
      }
    } else {
      kept.push(...block.lines);
    }
  }
  return { factors, kept: kept.filter((l, i, all) => l.trim() !== '' || (i > 0 && all[i - 1].trim() !== '')) };
}

function addFactor(factors: Factor[], raw: string): void {
  const text = stripInline(raw);
  if (text === '' || /^[-–—.]+$/.test(text)) return;
  factors.push({ kind: guessFactorKind(text), text });
}

/** Paragraphs of a text block, each joined onto one line. */
export function paragraphs(lines: readonly string[]): string[] {
  const result: string[] = [];
  let current: string[] = [];
  for (const line of [...lines, '']) {
    if (line.trim() === '') {
      if (current.length > 0) result.push(current.join(' ').trim());
      current = [];
    } else current.push(line.trim());
  }
  return result;
}
