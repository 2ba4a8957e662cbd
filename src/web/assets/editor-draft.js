// The report and page editors never lose typed work (issue 12 item 1; progressive
// enhancement, the forms work without this file):
// - while the user types, the form is posted to /admin/autosave after a short pause (and
//   at least every few seconds during long typing) into their own autosave slot, which
//   the editor offers back when it is opened again after a crash or a closed tab;
// - leaving the page with unsaved changes asks first (beforeunload), except by the form's
//   own buttons.
// The slot is named from the form's address: /admin/reports/12/edit, /admin/pages/new.
(function () {
  'use strict';
  var PAUSE_MS = 2000;
  var MAX_WAIT_MS = 5000;
  var form = document.querySelector('form.report-form');
  var meta = document.querySelector('meta[name="csrf-token"]');
  if (!form || !meta || !window.fetch || !window.FormData) return;
  var match = /^\/admin\/(reports|pages)\/(?:(\d+)\/edit|(new))$/.exec(new URL(form.action, location.href).pathname);
  if (!match) return;
  var kind = match[1] === 'reports' ? 'report' : 'page';
  var itemId = match[2] || 'new';
  var token = meta.getAttribute('content') || '';
  /** Typed since the page was loaded or last saved by its own buttons. */
  var isUnsaved = false;
  /** Typed since the last autosave that the server took. */
  var isChangedSinceAutosave = false;
  var isSubmitting = false;
  var timer = 0;
  var firstChangeAt = 0;
  var inFlight = false;
  var status = document.createElement('p');
  status.className = 'autosave-status admin-hint';
  status.setAttribute('role', 'status');
  form.appendChild(status);

  function fields() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (typeof value === 'string') params.append(name, value);
    });
    params.set('kind', kind);
    params.set('itemId', itemId);
    return params;
  }

  function timeNow() {
    var d = new Date();
    return d.getHours() + ':' + String(d.getMinutes()).padStart(2, '0');
  }

  function autosave() {
    timer = 0;
    firstChangeAt = 0;
    if (!isChangedSinceAutosave || isSubmitting) return;
    if (inFlight) {
      schedule();
      return;
    }
    inFlight = true;
    isChangedSinceAutosave = false;
    fetch('/admin/autosave', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-csrf-token': token },
      body: fields().toString(),
    })
      .then(function (response) {
        if (response.ok) status.textContent = '入力内容を自動保存しました(' + timeNow() + ')。保存のボタンを押すまで、変更履歴や公開ページには入りません。';
        else if (response.status !== 422) isChangedSinceAutosave = true;
      })
      .catch(function () {
        isChangedSinceAutosave = true;
      })
      .then(function () {
        inFlight = false;
      });
  }

  function schedule() {
    var now = Date.now();
    if (!firstChangeAt) firstChangeAt = now;
    clearTimeout(timer);
    timer = setTimeout(autosave, Math.max(0, Math.min(PAUSE_MS, firstChangeAt + MAX_WAIT_MS - now)));
  }

  function changed() {
    isUnsaved = true;
    isChangedSinceAutosave = true;
    schedule();
  }

  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  form.addEventListener('submit', function () {
    isSubmitting = true;
    clearTimeout(timer);
  });
  window.addEventListener('pageshow', function () {
    // Back to this page from the history: its buttons may be pressed again.
    isSubmitting = false;
  });
  window.addEventListener('beforeunload', function (event) {
    if (!isUnsaved || isSubmitting) return;
    event.preventDefault();
    event.returnValue = '';
  });
})();
