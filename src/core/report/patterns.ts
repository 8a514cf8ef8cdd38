/**
 * Fill patterns that tell severities apart without color: solid, stripes,
 * dots, cross-hatch, vertical lines. One hidden SVG per page defines them;
 * chart marks refer to them by class in the stylesheet. Static markup with
 * no data in it, shared by the HTML report and the Insights panel.
 */

export const PATTERN_DEFS = `<svg class="chart-defs" width="0" height="0" aria-hidden="true" focusable="false"><defs>
<pattern id="il-sev-2" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect class="pat-bg sev-2-bg" width="6" height="6"/><line class="pat-ink" x1="0" y1="0" x2="0" y2="6"/></pattern>
<pattern id="il-sev-3" width="6" height="6" patternUnits="userSpaceOnUse"><rect class="pat-bg sev-3-bg" width="6" height="6"/><circle class="pat-dot" cx="3" cy="3" r="1.3"/></pattern>
<pattern id="il-sev-4" width="6" height="6" patternUnits="userSpaceOnUse"><rect class="pat-bg sev-4-bg" width="6" height="6"/><path class="pat-ink" d="M0 3H6M3 0V6"/></pattern>
<pattern id="il-sev-5" width="5" height="5" patternUnits="userSpaceOnUse"><rect class="pat-bg sev-5-bg" width="5" height="5"/><line class="pat-ink" x1="2.5" y1="0" x2="2.5" y2="5"/></pattern>
<pattern id="il-other" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)"><rect class="pat-bg other-bg" width="6" height="6"/><line class="pat-ink" x1="0" y1="0" x2="0" y2="6"/></pattern>
</defs></svg>`;

/**
 * Chart rules common to both stylesheets; each page defines the variables
 * (--il-fg, --il-muted, --il-line, --il-grid, --il-bg, --il-sev-1..5,
 * --il-bar, --il-box, --il-accent) from its own palette.
 */
export const CHART_CSS = `
.chart-defs { position: absolute; width: 0; height: 0; overflow: hidden; }
svg.chart { display: block; width: 100%; max-width: 640px; height: auto; overflow: visible; }
svg.chart text { fill: var(--il-fg); font-size: 12px; }
svg.chart text.tick { fill: var(--il-muted); font-size: 11px; }
svg.chart text.value { font-variant-numeric: tabular-nums; }
.axis { stroke: var(--il-fg); stroke-width: 1; }
.grid { stroke: var(--il-grid); stroke-width: 1; }
.sev-1 { fill: var(--il-sev-1); }
.sev-2 { fill: url(#il-sev-2); }
.sev-3 { fill: url(#il-sev-3); }
.sev-4 { fill: url(#il-sev-4); }
.sev-5 { fill: url(#il-sev-5); }
.sev-1, .sev-2, .sev-3, .sev-4, .sev-5 { stroke: var(--il-bg); stroke-width: 0.5; }
.sev-2-bg { fill: var(--il-sev-2); }
.sev-3-bg { fill: var(--il-sev-3); }
.sev-4-bg { fill: var(--il-sev-4); }
.sev-5-bg { fill: var(--il-sev-5); }
.other-bg { fill: var(--il-bar); }
.pat-ink { stroke: var(--il-bg); stroke-width: 1.6; stroke-opacity: 0.6; }
.pat-dot { fill: var(--il-bg); fill-opacity: 0.7; }
.near-miss { fill: none; stroke: var(--il-fg); stroke-width: 1.2; stroke-dasharray: 3 2; }
.bar-severe { fill: var(--il-sev-1); }
.bar-other { fill: url(#il-other); }
.box { fill: var(--il-box); stroke: var(--il-accent); stroke-width: 1; }
.median { stroke: var(--il-fg); stroke-width: 2.5; }
.dot { fill: var(--il-accent); fill-opacity: 0.75; stroke: var(--il-bg); stroke-width: 1; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 16px; margin: 4px 0 8px; padding: 0; list-style: none; font-size: 12px; color: var(--il-muted); }
.legend li { display: inline-flex; align-items: center; gap: 6px; }
.legend svg { width: 14px; height: 14px; flex: none; }
@media (forced-colors: active) {
  svg.chart text { fill: CanvasText; }
  .axis, .median { stroke: CanvasText; }
  .grid { stroke: GrayText; }
  .sev-1, .bar-severe { fill: CanvasText; }
  .pat-bg, .sev-2-bg, .sev-3-bg, .sev-4-bg, .sev-5-bg, .other-bg { fill: Canvas; }
  .pat-ink { stroke: CanvasText; stroke-opacity: 1; }
  .pat-dot { fill: CanvasText; fill-opacity: 1; }
  .sev-2, .sev-3, .sev-4, .sev-5, .bar-other { stroke: CanvasText; stroke-width: 1; }
  .near-miss { stroke: CanvasText; }
  .box { fill: Canvas; stroke: CanvasText; }
  .dot { fill: Highlight; stroke: CanvasText; fill-opacity: 1; }
}
`;

/** A legend swatch's shape follows what its class draws: a dot, a line, or an area. */
export function swatchShape(className: string): 'circle' | 'line' | 'rect' {
  if (className.split(' ').includes('dot')) return 'circle';
  if (className === 'median') return 'line';
  return 'rect';
}
