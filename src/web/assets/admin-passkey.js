// Passkeys in the admin (WebAuthn): registering one on the account page, and signing in
// with one on the login pages, as the second factor or without a password. The server
// sends the options as JSON with base64url strings; this file turns them into the
// ArrayBuffers navigator.credentials wants, and the answer back into JSON. Buttons marked
// data-passkey stay hidden where the browser has no WebAuthn.
(function () {
  'use strict';

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute('content') : '';
  }

  function toBuffer(base64url) {
    var base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
    while (base64.length % 4) base64 += '=';
    var binary = atob(base64);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes.buffer;
  }

  function toBase64url(buffer) {
    var bytes = new Uint8Array(buffer);
    var binary = '';
    for (var i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
    return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function postJson(url, body) {
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken() },
      body: JSON.stringify(body),
    }).then(function (response) {
      return response.json().then(
        function (data) {
          if (!response.ok) throw new Error(data.message || '処理できませんでした。ページを再読み込みしてもう一度お試しください。');
          return data;
        },
        function () {
          throw new Error('サーバーから予期しない応答がありました。ページを再読み込みしてもう一度お試しください。');
        },
      );
    });
  }

  function credentialsOf(list) {
    return (list || []).map(function (c) {
      return { type: c.type, id: toBuffer(c.id), transports: c.transports };
    });
  }

  function creationOptions(options) {
    var publicKey = Object.assign({}, options);
    publicKey.challenge = toBuffer(options.challenge);
    publicKey.user = Object.assign({}, options.user, { id: toBuffer(options.user.id) });
    publicKey.excludeCredentials = credentialsOf(options.excludeCredentials);
    return publicKey;
  }

  function requestOptions(options) {
    var publicKey = Object.assign({}, options);
    publicKey.challenge = toBuffer(options.challenge);
    publicKey.allowCredentials = credentialsOf(options.allowCredentials);
    return publicKey;
  }

  /** What every credential's JSON holds (WebAuthn's toJSON shape), with its own `response`. */
  function credentialJson(credential, response) {
    return {
      id: credential.id,
      rawId: toBase64url(credential.rawId),
      type: credential.type,
      authenticatorAttachment: credential.authenticatorAttachment || undefined,
      clientExtensionResults: credential.getClientExtensionResults(),
      response: Object.assign({ clientDataJSON: toBase64url(credential.response.clientDataJSON) }, response),
    };
  }

  function registrationJson(credential) {
    var r = credential.response;
    return credentialJson(credential, {
      attestationObject: toBase64url(r.attestationObject),
      transports: typeof r.getTransports === 'function' ? r.getTransports() : [],
    });
  }

  function assertionJson(credential) {
    var r = credential.response;
    return credentialJson(credential, {
      authenticatorData: toBase64url(r.authenticatorData),
      signature: toBase64url(r.signature),
      userHandle: r.userHandle ? toBase64url(r.userHandle) : undefined,
    });
  }

  function messageOf(error) {
    if (error && (error.name === 'NotAllowedError' || error.name === 'AbortError')) {
      return 'パスキーの操作が取り消されたか、時間切れになりました。もう一度お試しください。';
    }
    if (error && error.name === 'InvalidStateError') return 'この端末のパスキーは既に登録されています。';
    return (error && error.message) || 'パスキーを使えませんでした。';
  }

  function run(button) {
    var status = document.getElementById(button.getAttribute('data-status') || 'passkey-status');
    var kind = button.getAttribute('data-passkey');
    var say = function (text) {
      if (status) status.textContent = text;
    };
    button.disabled = true;
    say(kind === 'register' ? 'パスキーを作成しています…' : 'パスキーを確認しています…');
    var body = { mode: button.getAttribute('data-mode') || undefined };
    postJson(button.getAttribute('data-options-url'), body)
      .then(function (options) {
        if (kind === 'register') {
          return navigator.credentials.create({ publicKey: creationOptions(options) }).then(function (credential) {
            var nameField = document.getElementById(button.getAttribute('data-name-field') || 'passkey-name');
            return { response: registrationJson(credential), name: nameField ? nameField.value : '' };
          });
        }
        return navigator.credentials.get({ publicKey: requestOptions(options) }).then(function (credential) {
          var next = document.querySelector('input[name="next"]');
          return { response: assertionJson(credential), mode: body.mode, next: next ? next.value : undefined };
        });
      })
      .then(function (answer) {
        return postJson(button.getAttribute('data-finish-url'), answer);
      })
      .then(function (result) {
        say('完了しました。移動しています…');
        window.location.assign(result.redirect);
      })
      .catch(function (error) {
        button.disabled = false;
        say(messageOf(error));
      });
  }

  function init() {
    if (!window.PublicKeyCredential || !navigator.credentials) return;
    var buttons = document.querySelectorAll('[data-passkey]');
    for (var i = 0; i < buttons.length; i++) {
      var button = buttons[i];
      button.hidden = false;
      var wrapper = button.closest('[data-passkey-only]');
      if (wrapper) wrapper.hidden = false;
      button.addEventListener('click', function (event) {
        event.preventDefault();
        run(event.currentTarget);
      });
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
