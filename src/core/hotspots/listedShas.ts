/** Finds the commits that listed (possibly abbreviated) shas name, while walking history. */

export class ListedShaMatcher {
  /** Prefix length -> listed shas of that length. */
  private readonly byLength = new Map<number, Set<string>>();
  private readonly matches = new Map<string, Set<string>>();

  /** `shas` are lower-case hex, as `normalizeSha` gives them. */
  constructor(shas: readonly string[]) {
    for (const sha of shas) {
      let sameLength = this.byLength.get(sha.length);
      if (!sameLength) this.byLength.set(sha.length, (sameLength = new Set()));
      sameLength.add(sha);
    }
  }

  /** Records `fullSha` against every listed sha it starts with; true when there is one. */
  offer(fullSha: string): boolean {
    let listed = false;
    for (const [length, shas] of this.byLength) {
      const prefix = fullSha.slice(0, length);
      if (!shas.has(prefix)) continue;
      let found = this.matches.get(prefix);
      if (!found) this.matches.set(prefix, (found = new Set()));
      found.add(fullSha);
      listed = true;
    }
    return listed;
  }

  /** Full shas offered so far that `listedSha` names (more than one: ambiguous). */
  matchesOf(listedSha: string): ReadonlySet<string> {
    return this.matches.get(listedSha) ?? new Set();
  }
}
