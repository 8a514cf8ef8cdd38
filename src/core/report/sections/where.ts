/** "Where incidents happen": code areas, services, contributing-factor kinds and tags. */
import { severeLabel } from '../../insights/severity';
import type { AreaSource, Insights, Tally, TallyRow } from '../../insights/types';
import { barChart } from '../charts';
import { plural } from '../format';
import { prose, refList } from '../inline';
import type { Block, Column, Inline, Section, TableModel } from '../model';

/** Bars beyond this many would make the chart a list; the table has the rest. */
const MAX_BARS = 10;
const MAX_ROWS = 25;

interface TallySpec {
  readonly id: string;
  readonly title: string;
  readonly noun: string;
  readonly column: string;
  readonly definition: string;
  /** How a label reads (areas end in `/`). */
  readonly name: (label: string) => string;
  readonly none: string;
  readonly mentions?: boolean;
  /** Labels are paths: shown as code. */
  readonly asCode?: boolean;
}

export function whereSections(insights: Insights): Section[] {
  const severe = severeLabel(insights.scope.severe);
  const intro: Section = {
    id: 'where',
    title: 'Where incidents happen',
    level: 2,
    blocks: [
      {
        kind: 'text',
        style: 'definition',
        parts: [`Counts are incidents, not mentions: an incident that names something twice counts once. ${severe} are the two worst severity levels.`],
      },
    ],
  };
  const areaName = (label: string) => `${label}/`;
  return [
    intro,
    tallySection(insights.areas, severe, {
      id: 'areas',
      title: 'Code areas',
      noun: 'area',
      column: 'Area',
      definition: areaDefinition(insights.areas.source),
      name: areaName,
      none: 'No code area',
      asCode: true,
    }),
    tallySection(insights.services, severe, {
      id: 'services',
      title: 'Services',
      noun: 'service',
      column: 'Service',
      definition: 'Services each incident affected (`services`).',
      name: (label) => label,
      none: 'No service named',
    }),
    tallySection(insights.factors, severe, {
      id: 'factors',
      title: 'Contributing factors',
      noun: 'kind',
      column: 'Kind',
      definition: 'Kinds of contributing factors (`factors`). Incidents have several factors, never a single root cause, so the counts add up to more than the incidents.',
      name: (label) => label,
      none: 'No factors recorded',
      mentions: true,
    }),
    tallySection(insights.tags, severe, {
      id: 'tags',
      title: 'Tags',
      noun: 'tag',
      column: 'Tag',
      definition: 'Free labels the incidents carry (`tags`).',
      name: (label) => label,
      none: 'No tags',
    }),
  ];
}

function areaDefinition(source: AreaSource): string {
  const counting = "A folder's count includes its subfolders.";
  switch (source) {
    case 'history':
      return `Folders that directly hold files the incidents touched: their \`code:\` links, the commits they list, and commits whose message names them (from git history). Documentation those commits changed counts only where an incident links it. ${counting}`;
    case 'mixed':
      return `Folders that directly hold files the incidents touched: from git history where it could be read, from the \`code:\` links elsewhere. ${counting}`;
    case 'links':
      return `Folders that directly hold the files named in the incidents' \`code:\` links (git history was not read). ${counting}`;
  }
}

function tallySection(tally: Tally, severe: string, spec: TallySpec): Section {
  const blocks: Block[] = [{ kind: 'text', style: 'definition', parts: prose(spec.definition) }];
  if (tally.rows.length === 0) {
    blocks.push({ kind: 'text', parts: [`${spec.none} in these incidents.`] });
    return { id: spec.id, title: spec.title, level: 3, blocks };
  }
  const recurring = tally.rows.filter((row) => row.count >= 2);
  const shown = recurring.length > 0 ? recurring : tally.rows;
  const table = tallyTable(shown.slice(0, MAX_ROWS), severe, spec);
  const bars = shown.slice(0, MAX_BARS).map((row) => ({ label: spec.name(row.label), count: row.count, severe: row.severe }));
  const description = `Bar chart: incidents per ${spec.noun}, most first${shown.length > MAX_BARS ? ` (the first ${MAX_BARS})` : ''}; the part for ${severe} drawn apart. The table below has the numbers.`;
  blocks.push({ kind: 'figure', chart: barChart(bars, { description, severeLabel: severe }), table });
  if (shown.length > MAX_ROWS) blocks.push({ kind: 'text', style: 'note', parts: [`And ${plural(shown.length - MAX_ROWS, `more ${spec.noun}`)} with ${recurring.length > 0 ? 'two or more incidents' : 'one incident'} each.`] });
  // Alphabetical: among single mentions, rank says nothing.
  const once = recurring.length > 0 ? tally.rows.filter((row) => row.count < 2).sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)) : [];
  if (once.length > 0) {
    const names = once.slice(0, MAX_ROWS).flatMap((row, index): Inline[] => [...(index > 0 ? [', '] : []), label(row.label, spec)]);
    const more = once.length > MAX_ROWS ? ` and ${once.length - MAX_ROWS} more` : '';
    blocks.push({ kind: 'text', style: 'note', parts: [`In one incident only (${once.length}): `, ...names, `${more}.`] });
  }
  if (tally.without.length > 0) blocks.push({ kind: 'text', style: 'note', parts: [`${spec.none}: `, ...refList(tally.without), '.'] });
  return { id: spec.id, title: spec.title, level: 3, blocks };
}

function tallyTable(rows: readonly TallyRow[], severe: string, spec: TallySpec): TableModel {
  const columns: Column[] = [{ label: spec.column }, { label: 'Incidents', numeric: true }, { label: severe, numeric: true }];
  if (spec.mentions) columns.push({ label: 'Factors', numeric: true });
  columns.push({ label: 'Which incidents' });
  return {
    caption: `${spec.title}: incidents per ${spec.noun}`,
    columns,
    rows: rows.map((row) => {
      const cells: Inline[][] = [[label(row.label, spec)], [String(row.count)], [String(row.severe)]];
      if (spec.mentions) cells.push([String(row.mentions ?? row.count)]);
      cells.push(refList(row.incidents));
      return cells;
    }),
  };
}

function label(value: string, spec: TallySpec): Inline {
  return spec.asCode ? { code: spec.name(value) } : spec.name(value);
}
