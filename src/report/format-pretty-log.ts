/**
 * `--log-format pretty`: one pino JSON line → `12:00:01.123 INFO  step pollBuild succeeded
 * workflowId=… stepId=…`. Our own formatter, so no pino-pretty or transport worker is needed.
 */
import type { TextStyle } from './style-text.js';

const HIDDEN = new Set(['level', 'time', 'msg', 'event']);

export function formatPrettyLog(line: string, style: TextStyle): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const time = typeof record.time === 'string' ? record.time.slice(11, 23) : '';
  const level = String(record.level ?? 'info');
  const fields = Object.entries(record)
    .filter(([key, value]) => !HIDDEN.has(key) && value !== undefined && value !== null)
    .map(([key, value]) => `${style.dim(`${key}=`)}${typeof value === 'string' ? quoteIfNeeded(value) : JSON.stringify(value)}`);
  return `${style.dim(time)} ${colourLevel(level, style)} ${String(record.msg ?? '')}${fields.length > 0 ? ` ${fields.join(' ')}` : ''}\n`;
}

function colourLevel(level: string, style: TextStyle): string {
  const label = level.toUpperCase().padEnd(5);
  if (level === 'error' || level === 'fatal') return style.red(label);
  if (level === 'warn') return style.yellow(label);
  if (level === 'info') return style.green(label);
  return style.dim(label);
}

const quoteIfNeeded = (value: string): string => (/[\s"=]/.test(value) || value === '' ? JSON.stringify(value) : value);
