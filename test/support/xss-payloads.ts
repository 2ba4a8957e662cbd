// Classic cross-site scripting payloads for test/browser/xss.test.ts. Each one, if a page
// ever let it run, calls window.__xss(n) (or alert(n), which opens a dialog), so execution
// is detectable; `n` is the payload's number so a failure names the payload that ran.
// Grouped by the trick they try: raw tags, event handlers, URL schemes, SVG/MathML,
// attribute and context breaking, encodings, and the forms of our own text format.

type Payload = (n: number) => string;

const FORMS: readonly Payload[] = [
  // Raw script and tag injection.
  (n) => `<script>__xss(${n})</script>`,
  (n) => `<SCRIPT>__xss(${n})</SCRIPT>`,
  (n) => `<script src=data:text/javascript,__xss(${n})></script>`,
  (n) => `<scr<script>ipt>__xss(${n})</scr</script>ipt>`,
  (n) => `<script\x20type="text/javascript">__xss(${n});</script>`,
  (n) => `<<script>__xss(${n});//<</script>`,
  // Event-handler attributes.
  (n) => `<img src=x onerror=__xss(${n})>`,
  (n) => `<img src="x" onerror="__xss(${n})">`,
  (n) => `<IMG SRC=# onmouseover="alert(${n})">`,
  (n) => `<body onload=__xss(${n})>`,
  (n) => `<details open ontoggle=__xss(${n})>`,
  (n) => `<input autofocus onfocus=__xss(${n})>`,
  (n) => `<video><source onerror="__xss(${n})"></video>`,
  (n) => `<audio src=x onerror=__xss(${n})>`,
  (n) => `<marquee onstart=__xss(${n})>x</marquee>`,
  (n) => `<div style="width:100px;height:100px" onmouseenter=__xss(${n})>x</div>`,
  (n) => `<select autofocus onfocus=__xss(${n})></select>`,
  (n) => `<textarea autofocus onfocus=__xss(${n})></textarea>`,
  // javascript:, data: and vbscript: URLs.
  (n) => `<a href="javascript:__xss(${n})">クリック</a>`,
  (n) => `<a href="JaVaScRiPt:__xss(${n})">x</a>`,
  (n) => `<a href="&#106;avascript:__xss(${n})">x</a>`,
  (n) => `<a href=" javascript:__xss(${n})">x</a>`,
  (n) => `<iframe src="javascript:__xss(${n})"></iframe>`,
  (n) => `<iframe srcdoc="<script>parent.__xss(${n})</script>"></iframe>`,
  (n) => `<object data="data:text/html,<script>__xss(${n})</script>"></object>`,
  (n) => `<embed src="javascript:__xss(${n})">`,
  (n) => `<form action="javascript:__xss(${n})"><button>送信</button></form>`,
  (n) => `<button formaction="javascript:__xss(${n})">x</button>`,
  (n) => `<meta http-equiv="refresh" content="0;url=javascript:__xss(${n})">`,
  (n) => `<base href="javascript:__xss(${n})//">`,
  (n) => `<a href="vbscript:msgbox(${n})">x</a>`,
  // SVG and MathML.
  (n) => `<svg onload=__xss(${n})>`,
  (n) => `<svg><script>__xss(${n})</script></svg>`,
  (n) => `<svg><animate onbegin=__xss(${n}) attributeName=x dur=1s>`,
  (n) => `<svg><a xlink:href="javascript:__xss(${n})"><text x="20" y="20">x</text></a></svg>`,
  (n) => `<svg><set attributeName="href" to="javascript:__xss(${n})"/></svg>`,
  (n) => `<math><mtext><table><mglyph><style><img src=x onerror=__xss(${n})>`,
  (n) => `<math href="javascript:__xss(${n})">x</math>`,
  // Breaking out of attributes, elements and script or style contexts.
  (n) => `"><script>__xss(${n})</script>`,
  (n) => `'><img src=x onerror=__xss(${n})>`,
  (n) => `" onmouseover="__xss(${n})" x="`,
  (n) => `' autofocus onfocus='__xss(${n})`,
  (n) => `</title><script>__xss(${n})</script>`,
  (n) => `</textarea><script>__xss(${n})</script>`,
  (n) => `</script><script>__xss(${n})</script>`,
  (n) => `</style><script>__xss(${n})</script>`,
  (n) => `<style>@import "javascript:__xss(${n})";</style>`,
  (n) => `<div style="background:url(javascript:__xss(${n}))">x</div>`,
  (n) => `<!--<img src="--><img src=x onerror=__xss(${n})//">`,
  (n) => `<template><script>__xss(${n})</script></template><noscript><p title="</noscript><img src=x onerror=__xss(${n})>">`,
  (n) => `{{constructor.constructor('__xss(${n})')()}}`,
  (n) => `\${__xss(${n})}`,
  // Encoded forms.
  (n) => `&lt;script&gt;__xss(${n})&lt;/script&gt;`,
  (n) => `%3Cscript%3E__xss(${n})%3C%2Fscript%3E`,
  (n) => `\\u003cscript\\u003e__xss(${n})\\u003c/script\\u003e`,
  (n) => `＜script＞__xss(${n})＜/script＞`,
  (n) => `<img src=x onerror="&#95;&#95;xss(${n})">`,
  (n) => `<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;__xss(${n})">x</a>`,
  // The text format's own link and media forms (see domain/text-format).
  (n) => `[x](javascript:__xss(${n}))`,
  (n) => `[クリック](JAVASCRIPT:__xss(${n}))`,
  (n) => `[x](data:text/html,<script>__xss(${n})</script>)`,
  (n) => `[<img src=x onerror=__xss(${n})>](https://example.jp/)`,
  (n) => `[x](https://example.jp/"onmouseover="__xss(${n}))`,
  (n) => `[x](media:"><script>__xss(${n})</script>)`,
  (n) => `(1) <script>__xss(${n})</script>`,
];

export interface XssPayload {
  /** 1-based; the number the payload passes to __xss or alert. */
  n: number;
  text: string;
}

export const XSS_PAYLOADS: readonly XssPayload[] = FORMS.map((form, i) => ({ n: i + 1, text: form(i + 1) }));

/** The call a payload makes when it runs, as it appears in its text. */
export function callOf(payload: XssPayload): RegExp {
  return new RegExp(`(?:__xss|alert|msgbox)\\(${payload.n}\\)`);
}
