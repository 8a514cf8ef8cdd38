/**
 * "Who to call" for a service or a file: the catalog's contacts (in order),
 * owners and runbook; where the catalog names no owner, CODEOWNERS answers
 * for the code path.
 */
import picomatch from 'picomatch';
import type { CatalogContact, CatalogService } from '../catalog';
import { ownersOf, type Codeowners } from '../codeowners';

export interface ServiceCall {
  readonly service: string;
  /** False for a service the catalog does not name. */
  readonly inCatalog: boolean;
  readonly contacts: readonly CatalogContact[];
  readonly owners: readonly string[];
  readonly runbook?: string;
  /** CODEOWNERS owners of the service's code (or of the file), when the catalog names none. */
  readonly codeowners?: CodeownersAnswer;
}

export interface CodeownersAnswer {
  readonly path: string;
  readonly owners: readonly string[];
  readonly file: string;
  readonly line: number;
}

export interface CallSheet {
  readonly services: readonly ServiceCall[];
  /** For a file that no catalog service covers: its CODEOWNERS owners. */
  readonly fileOwners?: CodeownersAnswer;
}

type Services = ReadonlyMap<string, CatalogService>;

/** Catalog services whose `code` globs cover a path. */
export function servicesForPath(services: Services | undefined, path: string): string[] {
  if (!services) return [];
  return [...services.values()].filter((service) => service.code.some((glob) => picomatch(glob, { dot: true })(path))).map((service) => service.name);
}

/** A path that stands for a code glob: `src/checkout/**` → `src/checkout/`, the part before any wildcard. */
function representativePath(glob: string): string {
  const base = picomatch.scan(glob).base;
  return base === glob ? glob : `${base.replace(/\/$/, '')}/`;
}

function codeownersFor(codeowners: Codeowners | undefined, path: string | undefined): CodeownersAnswer | undefined {
  if (!codeowners || !path) return undefined;
  // A directory stands for the files in it.
  const probe = path.endsWith('/') ? `${path}any-file` : path;
  const rule = ownersOf(codeowners, probe);
  return rule && rule.owners.length > 0 ? { path, owners: rule.owners, file: codeowners.file, line: rule.line } : undefined;
}

export function callSheet(input: { services?: Services; names: readonly string[]; path?: string; codeowners?: Codeowners }): CallSheet {
  const names = [...new Set(input.names)];
  const calls = names.map((name): ServiceCall => {
    const service = input.services?.get(name);
    const knows = !!service && (service.contacts.length > 0 || service.owners.length > 0);
    const codePath = input.path ?? (service?.code[0] !== undefined ? representativePath(service.code[0]) : undefined);
    return {
      service: name,
      inCatalog: !!service,
      contacts: service?.contacts ?? [],
      owners: service?.owners ?? [],
      runbook: service?.runbook,
      codeowners: knows ? undefined : codeownersFor(input.codeowners, codePath),
    };
  });
  const fileOwners = names.length === 0 ? codeownersFor(input.codeowners, input.path) : undefined;
  return { services: calls, fileOwners };
}
