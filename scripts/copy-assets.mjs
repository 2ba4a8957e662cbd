// tsc compiles only TypeScript; the stylesheet and icon are copied beside the compiled web layer.
import { cpSync } from 'node:fs';

cpSync('src/web/assets', 'dist/web/assets', { recursive: true });
