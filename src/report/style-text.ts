/** ANSI colour, used only when the output is a TTY, not in CI, and NO_COLOR is not set (FORCE_COLOR wins). */
import { isCi } from './detect-terminal.js';

export interface TextStyle {
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  cyan(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

export const colorStyle: TextStyle = {
  red: wrap(31, 39),
  yellow: wrap(33, 39),
  green: wrap(32, 39),
  cyan: wrap(36, 39),
  dim: wrap(2, 22),
  bold: wrap(1, 22),
};

const same = (text: string): string => text;
export const plainStyle: TextStyle = { red: same, yellow: same, green: same, cyan: same, dim: same, bold: same };

export function chooseStyle(stream: { isTTY?: boolean }, env: Readonly<Record<string, string | undefined>>, forced?: boolean): TextStyle {
  if (forced === false) return plainStyle;
  if (forced === true) return colorStyle;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return plainStyle;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return colorStyle;
  return stream.isTTY && !isCi(env) && env.TERM !== 'dumb' ? colorStyle : plainStyle;
}
