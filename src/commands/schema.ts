import { readFile } from 'node:fs/promises';
import { EXIT, type CommandContext } from './context.js';

/** Print the JSON Schema of map files, for editors and other tools. */
export async function schemaCommand(ctx: CommandContext): Promise<number> {
  ctx.io.stdout.write(await readFile(new URL('../../schemas/riposte.schema.json', import.meta.url), 'utf8'));
  return EXIT.ok;
}
