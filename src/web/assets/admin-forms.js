// Every admin page (progressive enhancement; the forms work without it):
// - A form carrying a one-time submission key (input[name="submissionKey"]) is sent once:
//   while it is in flight its buttons are disabled and a second submit is ignored. The
//   server refuses a repeated key anyway (actions/items/submit-once.ts); this spares the wait.
// - A new report or page form keeps its key in its address (?key=…), so that going back to
//   it after saving and saving again leads to what the first save made (web/admin/submission-key.ts).
// - After a save or a refusal, focus moves to the error summary or the notice, so a screen
//   reader says what happened and the keyboard continues from there. The page marks the one
//   it means with autofocus (which also works without this file); others fall back to the
//   first error summary, then the notice.
(function () {
  'use strict';
  function guard(form) {
    var field = form.querySelector('input[name="submissionKey"]');
    if (!field) return;
    // A new report or page form opened by typing its address: its key goes into the address
    // too, as the 新しい報告 links do, so going back to it after saving repeats the key.
    if (/\/new$/.test(location.pathname) && !/[?&]key=/.test(location.search) && window.history.replaceState) {
      history.replaceState(history.state, '', location.pathname + '?key=' + encodeURIComponent(field.value) + location.hash);
    }
    var isSending = false;
    form.addEventListener('submit', function (event) {
      var submitter = event.submitter;
      // The preview button renders the form again and creates nothing: no key is spent on it.
      if (submitter && submitter.value === 'preview') return;
      if (isSending) {
        event.preventDefault();
        return;
      }
      isSending = true;
      // Disabled after the form data is built, so the pressed button's intent is still sent.
      setTimeout(function () {
        var buttons = buttonsOf(form);
        for (var i = 0; i < buttons.length; i++) if (buttons[i].type === 'submit') buttons[i].disabled = true;
        form.setAttribute('aria-busy', 'true');
      }, 0);
    });
    window.addEventListener('pageshow', function (event) {
      if (!event.persisted) return;
      // Restored from the back-forward cache: usable again, with the key already sent.
      isSending = false;
      form.removeAttribute('aria-busy');
      var buttons = buttonsOf(form);
      for (var i = 0; i < buttons.length; i++) buttons[i].disabled = false;
    });
  }

  /** The form's buttons, also those outside it that join it by their form attribute (views/admin/editor-grid.tsx). */
  function buttonsOf(form) {
    return Array.prototype.filter.call(form.elements, function (element) {
      return element instanceof HTMLButtonElement;
    });
  }

  function focusMessage() {
    var target =
      document.querySelector('.error-summary[autofocus], .admin-notice[autofocus], .conflict[autofocus]') ||
      document.querySelector('.error-summary') ||
      document.querySelector('.admin-notice');
    if (!target) return;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus();
  }

  var forms = document.querySelectorAll('form');
  for (var i = 0; i < forms.length; i++) guard(forms[i]);
  focusMessage();
})();
