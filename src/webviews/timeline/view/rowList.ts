/**
 * Keeps the list of rows in step with the model. A re-render reuses every
 * element whose row looks the same and moves as few as it can, so an edit of
 * one entry in a timeline of thousands touches a handful of elements. The
 * first render shows a screenful at once and appends the rest in chunks, one
 * per frame, so a long timeline paints without waiting for all of it.
 */
import type { RowSpec } from './rows';

/** Rows in the first paint: more than a tall panel shows. */
const FIRST_ROWS = 150;
/** Rows appended per task after that. */
const CHUNK_ROWS = 500;

/**
 * Runs `work` once the next frame has been painted (a task queued from the
 * frame's animation callback), so what is already in the list shows first.
 * Returns a function that cancels it.
 */
function afterPaint(work: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(work, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}

export class RowList {
  private readonly keys = new WeakMap<Element, string>();
  private pending: (() => void) | undefined;

  constructor(
    private readonly list: HTMLElement,
    /** Called with rows as they join the list (filters apply to them). */
    private readonly added: (rows: readonly HTMLElement[]) => void,
    /** Called once every row is in the list. */
    private readonly complete: () => void,
  ) {}

  update(specs: readonly RowSpec[]): void {
    this.pending?.();
    this.pending = undefined;
    if (this.list.childElementCount === 0) this.appendFrom(specs, 0, FIRST_ROWS);
    else this.reconcile(specs);
  }

  /** Whether rows are still being appended after a first paint. */
  get busy(): boolean {
    return this.pending !== undefined;
  }

  /** The element no longer shows its row (a form took its place): the next update rebuilds it. */
  forget(element: Element): void {
    this.keys.delete(element);
  }

  private appendFrom(specs: readonly RowSpec[], start: number, count: number): void {
    const end = Math.min(specs.length, start + count);
    const rows: HTMLLIElement[] = [];
    for (let i = start; i < end; i++) rows.push(this.build(specs[i]));
    this.list.append(...rows);
    this.added(rows);
    if (end < specs.length) this.pending = afterPaint(() => this.appendFrom(specs, end, CHUNK_ROWS));
    else {
      this.pending = undefined;
      this.complete();
    }
  }

  private build(spec: RowSpec): HTMLLIElement {
    const element = spec.build();
    this.keys.set(element, spec.key);
    return element;
  }

  private reconcile(specs: readonly RowSpec[]): void {
    const pool = new Map<string, HTMLLIElement[]>();
    for (const child of Array.from(this.list.children) as HTMLLIElement[]) {
      const key = this.keys.get(child);
      if (key === undefined) continue;
      const same = pool.get(key);
      if (same) same.push(child);
      else pool.set(key, [child]);
    }
    // Pair each wanted row with an element that looks the same, if any.
    const chosen = specs.map((spec) => pool.get(spec.key)?.shift());
    for (const left of pool.values()) for (const element of left) element.remove();
    // Unkeyed children (an open form's row, say) go too: they are rebuilt.
    for (const child of Array.from(this.list.children)) if (!this.keys.has(child)) child.remove();

    const added: HTMLLIElement[] = [];
    let cursor = this.list.firstElementChild;
    specs.forEach((spec, i) => {
      let element = chosen[i];
      if (element) spec.patch(element);
      else {
        element = this.build(spec);
        added.push(element);
      }
      if (element === cursor) {
        cursor = cursor.nextElementSibling;
        return;
      }
      // A row moved down leaves its old place just before the next wanted one: lift it out
      // (it goes back in when its turn comes) instead of moving every row it passed.
      if (cursor && cursor.nextElementSibling === element) {
        const intruder = cursor;
        cursor = element.nextElementSibling;
        intruder.remove();
        return;
      }
      this.list.insertBefore(element, cursor);
    });
    while (cursor) {
      const next = cursor.nextElementSibling;
      cursor.remove();
      cursor = next;
    }
    this.added(added);
    this.complete();
  }
}
