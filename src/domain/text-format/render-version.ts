// The version of the text renderer. Every stored rendering (a report's or a page's HTML, plain
// text, outline and search document) records the version that produced it, and items with an
// older one are rendered again at start and by `katsudo rerender`.
// Items rendered before versions existed count as version 1.
// Bump this by one in the same commit as any change that alters the rendered HTML of existing text.

export const RENDER_VERSION = 4;
