// The web page's script and style sheet are plain files, inlined into each page at run time:
// copy them beside the compiled page builder.
import { cpSync } from 'node:fs';

const root = new URL('..', import.meta.url);
cpSync(new URL('src/web/client/', root), new URL('dist/web/client/', root), { recursive: true });
