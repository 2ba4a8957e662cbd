#!/usr/bin/env -S node --max-semi-space-size=4
// The installed command runs the bundled CLI (npm run build writes dist/). A small young
// generation keeps the server's memory low at a small CPU cost (docs/performance.md);
// `npm start` passes the same flag.
import '../dist/katsudo.mjs';
