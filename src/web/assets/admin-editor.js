// Live preview for the report and page editors, and their 「本文に挿入」 buttons
// (progressive enhancement: without this file the
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
    // The stored item's attachments are listed under the body, as on the published page.
    if (target.getAttribute('data-item')) form.set('item', target.getAttribute('data-item'));
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
        if (html !== undefined && ticket === latest) {
          target.innerHTML = html;
          followText();
        }
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

  // 「本文に挿入」 (report-attachments.tsx): the photo line goes on a line of its own at the
  // cursor, and its description is selected so that it is typed over for this report.
  // The panel may be replaced in place after an upload (editor-draft.js), hence the delegation.
  function showInsertButtons() {
    var buttons = document.querySelectorAll('button[data-insert-line]');
    for (var i = 0; i < buttons.length; i++) buttons[i].hidden = false;
  }
  showInsertButtons();
  document.addEventListener('katsudo:attachments-updated', showInsertButtons);
  document.addEventListener('click', function (event) {
    var button = event.target instanceof Element ? event.target.closest('button[data-insert-line]') : null;
    if (button) insertPhoto(button);
  });

  function insertPhoto(button) {
    if (body.readOnly) return;
    var line = button.getAttribute('data-insert-line') || '';
    var text = body.value;
    var at = body.selectionStart === undefined ? text.length : body.selectionEnd;
    var before = text.slice(0, at);
    var after = text.slice(at);
    var lead = before === '' || before.slice(-1) === '\n' ? '' : '\n';
    var tail = after.charAt(0) === '\n' ? '' : '\n';
    body.value = before + lead + line + tail + after;
    var start = before.length + lead.length + 2;
    body.focus();
    body.setSelectionRange(start, start + line.indexOf('](') - 2);
    body.dispatchEvent(new Event('input', { bubbles: true }));
  }

  // From 1024 px the preview scrolls on its own beside the text box (admin.css): it keeps to
  // the same share of its height as the text box, so the part being written stays in view.
  function followText() {
    var textRange = body.scrollHeight - body.clientHeight;
    var previewRange = target.scrollHeight - target.clientHeight;
    if (textRange <= 0 || previewRange <= 0) return;
    target.scrollTop = Math.round((body.scrollTop / textRange) * previewRange);
  }
  body.addEventListener('scroll', followText);

  body.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(refresh, DELAY_MS);
  });
  if (target.children.length === 0 && body.value.trim() !== '') refresh();
})();
