#!/usr/bin/env -S node --max-semi-space-size=4
// The installed command runs the bundled CLI (npm run build writes dist/). A small young
// generation keeps the server's memory low at a small CPU cost (docs/performance.md);
// `npm start` passes the same flag. `katsudo build` runs with it too: its page and index
// threads get V8's default young generation instead (src/actions/runtime/widen-young-generation.ts
// says why, and why its own thread does not need it).
import '../dist/katsudo.mjs';
