/**
 * Chart marks as SVG elements: the same geometry the HTML report draws, so
 * the panel and the report look alike. Dots that stand for an incident open
 * it on click; the table beneath each chart is the keyboard's way in.
 */
import type { Chart, LegendEntry, Mark } from '../../../core/report/model';
import { swatchShape } from '../../../core/report/patterns';
import { h, svg } from './dom';

export function chartElement(chart: Chart): SVGSVGElement {
  return svg(
    'svg',
    { class: 'chart', attrs: { viewBox: `0 0 ${chart.width} ${chart.height}`, width: String(chart.width), height: String(chart.height), role: 'img', 'aria-label': chart.description } },
    ...chart.marks.map(markElement),
  );
}

function markElement(mark: Mark): SVGElement {
  switch (mark.type) {
    case 'rect':
      return withTitle(svg('rect', { class: clickable(mark.className, mark.ref), attrs: { x: num(mark.x), y: num(mark.y), width: num(mark.width), height: num(mark.height), 'data-ref': mark.ref } }), mark.title);
    case 'circle':
      return withTitle(svg('circle', { class: clickable(mark.className, mark.ref), attrs: { cx: num(mark.cx), cy: num(mark.cy), r: num(mark.r), 'data-ref': mark.ref } }), mark.title);
    case 'line':
      return svg('line', { class: mark.className, attrs: { x1: num(mark.x1), y1: num(mark.y1), x2: num(mark.x2), y2: num(mark.y2) } });
    case 'text':
      return svg('text', { class: mark.className, text: mark.text, attrs: { x: num(mark.x), y: num(mark.y), 'text-anchor': mark.anchor } });
  }
}

function clickable(className: string, ref: string | undefined): string {
  return ref ? `${className} clickable` : className;
}

function withTitle<E extends SVGElement>(element: E, title: string | undefined): E {
  if (title) element.append(svg('title', { text: title }));
  return element;
}

function num(value: number): string {
  return String(value);
}

export function legendElement(legend: readonly LegendEntry[]): HTMLElement | null {
  if (legend.length === 0) return null;
  return h('ul', { class: 'legend' }, ...legend.map((entry) => h('li', {}, swatch(entry.className), entry.label)));
}

function swatch(className: string): SVGSVGElement {
  const shape = swatchShape(className);
  const inner =
    shape === 'circle'
      ? svg('circle', { class: className, attrs: { cx: '7', cy: '7', r: '4' } })
      : shape === 'line'
        ? svg('line', { class: className, attrs: { x1: '7', y1: '1', x2: '7', y2: '13' } })
        : svg('rect', { class: className, attrs: { x: '1', y: '1', width: '12', height: '12' } });
  return svg('svg', { attrs: { viewBox: '0 0 14 14', 'aria-hidden': 'true' } }, inner);
}
