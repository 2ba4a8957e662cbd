// The report and page editors never lose typed work (issue 12 item 1; progressive
// enhancement, the forms work without this file):
// - while the user types, the form is posted to /admin/autosave after a short pause (and
//   at least every few seconds during long typing) into their own autosave slot, which
//   the editor offers back when it is opened again after a crash or a closed tab;
// - leaving the page with unsaved changes asks first (beforeunload), except by the form's
//   own buttons.
// - the forms of the attachment panel (#attachments: upload, attach, order, remove) are sent
//   with fetch and the panel is replaced in place by the one the server answers, so the text
//   being typed above stays as it is (without JS they post and reload, as before);
//   'katsudo:attachments-updated' is dispatched on document afterwards.
// - the main form's 「…ファイルを添付」 button (views/admin/attach-in-form.tsx) sends the form
//   with fetch too: the server saves the text (a new report becomes a draft) and attaches the
//   file; the page then becomes that item's edit form in place (address, version, submission
//   key, panel, buttons), and the text and the cursor stay where they are. A form the server
//   sends back before saving anything (field errors, a conflict) is posted again without
//   script, so the browser shows that answer as it would without JavaScript.
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
  // Under the buttons, which stand outside the form element (views/admin/editor-grid.tsx).
  (document.getElementById('editor-actions') || form).appendChild(status);

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

  // The form's own controls, also those outside it (the note, joined by its form attribute).
  function changedInForm(event) {
    if (event.target && event.target.form === form) changed();
  }
  document.addEventListener('input', changedInForm);
  document.addEventListener('change', changedInForm);
  form.addEventListener('submit', function () {
    isSubmitting = true;
    clearTimeout(timer);
  });
  window.addEventListener('pageshow', function () {
    // Back to this page from the history: its buttons may be pressed again.
    isSubmitting = false;
  });
  function replacePanel(html, message) {
    var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('attachments');
    var current = document.getElementById('attachments');
    var actions = document.getElementById('editor-actions');
    if (!fresh || !(current || actions)) return false;
    var panel = document.importNode(fresh, true);
    // A new item has no panel yet: it goes where the edit page has it, after the buttons.
    if (current) current.replaceWith(panel);
    else actions.insertAdjacentElement('afterend', panel);
    var problem = panel.querySelector('.error-summary, .field-error, [role="alert"]');
    var target = problem;
    if (!target && message) {
      target = document.createElement('p');
      target.className = 'admin-notice';
      target.setAttribute('role', 'status');
      target.textContent = message;
      var heading = panel.querySelector('h2');
      if (heading) heading.insertAdjacentElement('afterend', target);
      else panel.insertBefore(target, panel.firstChild);
    }
    if (target) {
      target.setAttribute('tabindex', '-1');
      target.focus();
    }
    document.dispatchEvent(new CustomEvent('katsudo:attachments-updated'));
    return true;
  }

  document.addEventListener('submit', function (event) {
    var panelForm = event.target;
    if (!(panelForm instanceof HTMLFormElement) || !panelForm.closest('#attachments') || panelForm.method.toLowerCase() !== 'post') return;
    event.preventDefault();
    var submitter = event.submitter;
    var data = new FormData(panelForm);
    if (submitter && submitter.name) data.append(submitter.name, submitter.value);
    var buttons = panelForm.querySelectorAll('button');
    for (var i = 0; i < buttons.length; i++) buttons[i].disabled = true;
    panelForm.setAttribute('aria-busy', 'true');
    fetch(panelForm.action, { method: 'POST', credentials: 'same-origin', headers: { 'x-csrf-token': token }, body: data })
      .then(function (response) {
        return response.text().then(function (html) {
          // A success is a redirect fetch has followed: the edit page with the notice.
          var notice = new DOMParser().parseFromString(html, 'text/html').querySelector('.admin-notice');
          if (!replacePanel(html, response.ok && notice ? notice.textContent : '')) throw new Error('no panel');
        });
      })
      .catch(function () {
        for (var j = 0; j < buttons.length; j++) buttons[j].disabled = false;
        panelForm.removeAttribute('aria-busy');
        status.textContent = '送信できませんでした。通信状態を確かめて、もう一度お試しください。入力中の本文はそのままです。';
      });
  });

  /** The form becomes the one the server answered: the saved item's address, version, key and buttons. */
  function becomeSavedForm(doc) {
    var fresh = doc.getElementById('editor-form');
    var match = fresh && /^\/admin\/(?:reports|pages)\/(\d+)\/edit$/.exec(new URL(fresh.getAttribute('action'), location.href).pathname);
    if (!match) return false;
    form.setAttribute('action', fresh.getAttribute('action'));
    ['expectedVersion', 'submissionKey'].forEach(function (name) {
      var mine = form.querySelector('input[name="' + name + '"]');
      var theirs = fresh.querySelector('input[name="' + name + '"]');
      if (mine && theirs) mine.value = theirs.value;
    });
    itemId = match[1];
    if (location.pathname !== fresh.getAttribute('action') && window.history.replaceState) history.replaceState(history.state, '', fresh.getAttribute('action'));
    var actions = document.getElementById('editor-actions');
    var freshActions = doc.getElementById('editor-actions');
    if (actions && freshActions) {
      actions.replaceWith(document.importNode(freshActions, true));
      document.getElementById('editor-actions').appendChild(status);
    }
    var preview = document.getElementById('live-preview');
    var freshPreview = doc.getElementById('live-preview');
    if (preview && freshPreview && freshPreview.getAttribute('data-item')) preview.setAttribute('data-item', freshPreview.getAttribute('data-item'));
    return true;
  }

  var isAttachSending = false;
  // Capture phase: before admin-forms.js's own submit handler on the form, which would keep
  // the form disabled for a page load that does not come.
  document.addEventListener(
    'submit',
    function (event) {
      var submitter = event.submitter;
      if (event.target !== form || !submitter || !/\/attach$/.test(new URL(submitter.formAction, location.href).pathname)) return;
      if (submitter.hasAttribute('data-native')) return;
      event.preventDefault();
      event.stopPropagation();
      if (isAttachSending) return;
      isAttachSending = true;
      var body = document.getElementById('field-bodySource');
      var sentText = body ? body.value : '';
      var buttons = Array.prototype.filter.call(form.elements, function (el) {
        return el instanceof HTMLButtonElement;
      });
      buttons.forEach(function (b) {
        b.disabled = true;
      });
      status.textContent = '保存してファイルを送っています…';
      fetch(submitter.formAction, { method: 'POST', credentials: 'same-origin', headers: { 'x-csrf-token': token }, body: new FormData(form) })
        .then(function (response) {
          return response.text().then(function (html) {
            var doc = new DOMParser().parseFromString(html, 'text/html');
            var isRefusedFile = !response.redirected && doc.querySelector('#attachments .field-error, #attachments .error-summary') !== null;
            if (!(response.redirected || isRefusedFile) || !becomeSavedForm(doc)) {
              // Nothing was saved: the same post without script, for the browser to show its answer.
              isAttachSending = false;
              isSubmitting = true;
              submitter.setAttribute('data-native', '');
              buttons.forEach(function (b) {
                b.disabled = false;
              });
              form.requestSubmit(submitter);
              return;
            }
            var notice = doc.querySelector('.admin-notice');
            replacePanel(html, response.redirected && notice ? notice.textContent : '');
            if (body && body.value === sentText) isUnsaved = false;
            status.textContent = '';
            isAttachSending = false;
          });
        })
        .catch(function () {
          isAttachSending = false;
          buttons.forEach(function (b) {
            b.disabled = false;
          });
          status.textContent = '送信できませんでした。通信状態を確かめて、もう一度お試しください。入力中の本文はそのままです。';
        });
    },
    true,
  );

  window.addEventListener('beforeunload', function (event) {
    if (!isUnsaved || isSubmitting) return;
    event.preventDefault();
    event.returnValue = '';
  });
})();
