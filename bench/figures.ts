/** How the benches print figures and the machine they ran on. */
import { readFileSync } from 'node:fs';
import * as os from 'node:os';

export function seconds(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
}

export function ratio(value: number, base: number): string {
  return `${(value / base).toFixed(2)}×`;
}

export function machine(): string {
  let model = os.cpus()[0]?.model ?? 'unknown CPU';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) model = line.split(':').slice(1).join(':').trim();
  } catch {
    // Not Linux: os.cpus() is what we have.
  }
  const memory = `${Math.round(os.totalmem() / 2 ** 30)} GiB RAM`;
  return `${model}, ${os.cpus().length} cores, ${memory}, Node ${process.version}, ${os.platform()} ${os.release()}`;
}
