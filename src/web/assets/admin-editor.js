// Live preview for the report editor (progressive enhancement: without this file the
// プレビュー button renders the same preview on the server). While the body is typed, the
// text is posted to /admin/preview after a pause and the HTML the public page's renderer
// returns replaces the preview (or, 422, the message saving would give, e.g. a body too
// long). The CSRF token comes from <meta name="csrf-token">. At most one request is in
// flight; text typed meanwhile is sent when it answers, and a 429 (another preview of the
// same account running) is retried after Retry-After without a message.
(function () {
  'use strict';
  var DELAY_MS = 500;
  var body = document.getElementById('field-bodySource');
  var target = document.getElementById('live-preview');
  var meta = document.querySelector('meta[name="csrf-token"]');
  if (!body || !target || !meta || !window.fetch) return;
  var url = target.getAttribute('data-preview-url') || '/admin/preview';
  var token = meta.getAttribute('content') || '';
  var timer = 0;
  var latest = 0;
  /** One request at a time (the server refuses a second one per account with 429). */
  var inFlight = false;
  var pending = false;

  function refresh() {
    if (inFlight) {
      pending = true;
      return;
    }
    inFlight = true;
    pending = false;
    var ticket = ++latest;
    var form = new URLSearchParams();
    form.set('bodySource', body.value);
    var retryMs = 0;
    fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': token },
      body: form.toString(),
    })
      .then(function (response) {
        if (response.status === 429) {
          // Another preview of this account (another tab) is running: try again quietly.
          retryMs = (Number(response.headers.get('retry-after')) || 1) * 1000;
          return undefined;
        }
        return response.ok || response.status === 422 ? response.text() : Promise.reject(new Error(String(response.status)));
      })
      .then(function (html) {
        // Only the answer to the latest request: an older one may arrive after it.
        if (html !== undefined && ticket === latest) target.innerHTML = html;
      })
      .catch(function () {
        /* The preview button still works; a failed live update changes nothing. */
      })
      .then(function () {
        inFlight = false;
        if (retryMs > 0) setTimeout(refresh, retryMs);
        else if (pending) refresh();
      });
  }

  body.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(refresh, DELAY_MS);
  });
  if (target.children.length === 0 && body.value.trim() !== '') refresh();
})();
