// Upload progress for the media form (progressive enhancement: without this file the form
// posts as usual). Sends the form with XMLHttpRequest, shows a <progress> while the bytes
// go up, then shows the page the server answered: the library after a redirect, or the
// form with its messages after a refusal.
(function () {
  'use strict';
  var FORM = 'form.media-upload-form';

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute('content') : '';
  }

  function statusOf(form) {
    var status = form.querySelector('.upload-status');
    if (!status) {
      status = document.createElement('div');
      status.className = 'upload-status';
      status.setAttribute('role', 'status');
      form.appendChild(status);
    }
    return status;
  }

  function showProgress(form, loaded, total) {
    var status = statusOf(form);
    var bar = status.querySelector('progress');
    var text = status.querySelector('p');
    if (!bar) {
      status.textContent = '';
      text = document.createElement('p');
      bar = document.createElement('progress');
      bar.className = 'upload-progress';
      bar.max = 100;
      bar.id = 'upload-progress';
      text.id = 'upload-progress-label';
      bar.setAttribute('aria-labelledby', 'upload-progress-label');
      status.appendChild(text);
      status.appendChild(bar);
    }
    var percent = total > 0 ? Math.floor((loaded / total) * 100) : 0;
    bar.value = percent;
    text.textContent = percent < 100 ? 'アップロード中… ' + percent + '%' : '送信しました。サーバーで処理しています…';
  }

  function showPage(html) {
    var doc = new DOMParser().parseFromString(html, 'text/html');
    var main = doc.getElementById('main');
    var current = document.getElementById('main');
    if (!main || !current) {
      document.documentElement.innerHTML = doc.documentElement.innerHTML;
      return;
    }
    current.replaceWith(document.importNode(main, true));
    var alert = document.querySelector('#main [role="alert"]');
    if (alert) {
      alert.setAttribute('tabindex', '-1');
      alert.focus();
    }
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.matches(FORM) || !window.FormData) return;
    event.preventDefault();
    var button = form.querySelector('button[type="submit"]');
    if (button) button.disabled = true;
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.setRequestHeader('x-csrf-token', csrfToken());
    xhr.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) showProgress(form, e.loaded, e.total);
    });
    xhr.addEventListener('load', function () {
      // A success is a 303 the browser has followed: go to that page for real, so the
      // address bar, history and the notice are right.
      if (xhr.status === 200 && xhr.responseURL && xhr.responseURL.indexOf('notice=') !== -1) {
        window.location.assign(xhr.responseURL);
        return;
      }
      showPage(xhr.responseText);
    });
    xhr.addEventListener('error', function () {
      if (button) button.disabled = false;
      statusOf(form).textContent = '送信できませんでした。通信状態を確かめて、もう一度お試しください。';
    });
    showProgress(form, 0, 1);
    xhr.send(new FormData(form));
  });
})();
