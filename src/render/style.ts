import { Chalk, type ChalkInstance } from 'chalk';

/** A chalk instance for an output: colour is decided by the caller (TTY, NO_COLOR, --no-color). @internal */
export function styler(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 1 : 0 });
}
