/**
 * Must load before any schema is built. zod compiles fast parsers with
 * `new Function` when it may; the panel's CSP forbids eval, and even zod's
 * probe for it would be reported as a policy violation.
 */
import * as z from 'zod/mini';

z.config({ jitless: true });
