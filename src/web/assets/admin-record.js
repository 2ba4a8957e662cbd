// The editor's 「活動の記録」 panel, better with a script (issue 16 item 7; the panel works without
// it: empty rows are sent and dropped by the server). Each time span and participant row gets a
// 「この行を削除」 button and each list an 「行を追加」 button, so rows come and go without a round
// trip and nothing typed elsewhere is lost. A new row takes the next free index in the field
// names the server reads (record-spans-4-start …); a removed row's index is simply absent, which
// the server treats as an empty row. Focus moves to the new row's first field, or after a removal
// to the list's add button, and a polite live region says what changed.
(function () {
  'use strict';
  var MAX_ROWS = 60;

  function rowIndex(row) {
    var field = row.querySelector('[name^="record-"]');
    var match = field && /^record-[a-z]+-(\d+)-/i.exec(field.name);
    return match ? Number(match[1]) : -1;
  }

  function renumber(list, noun) {
    var rows = list.querySelectorAll(':scope > fieldset.record-row');
    for (var i = 0; i < rows.length; i++) {
      var legend = rows[i].querySelector(':scope > legend');
      if (legend) legend.textContent = noun + (i + 1);
      var remove = rows[i].querySelector('.record-row-remove');
      if (remove) remove.textContent = noun + (i + 1) + 'を削除';
    }
  }

  function enhance(list, noun, live) {
    var addButton = document.createElement('button');
    addButton.type = 'button';
    addButton.className = 'record-row-add';
    addButton.textContent = noun + 'を追加';

    function say(text) {
      live.textContent = '';
      // A fresh text node after clearing, so the same message twice is announced twice.
      window.setTimeout(function () {
        live.textContent = text;
      }, 50);
    }

    function withRemove(row) {
      var remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'record-row-remove';
      remove.addEventListener('click', function () {
        var label = remove.textContent.replace(/を削除$/, '');
        row.remove();
        renumber(list, noun);
        addButton.focus();
        say(label + 'を削除しました。');
      });
      row.appendChild(remove);
    }

    var rows = list.querySelectorAll(':scope > fieldset.record-row');
    for (var i = 0; i < rows.length; i++) withRemove(rows[i]);
    list.appendChild(addButton);
    renumber(list, noun);

    addButton.addEventListener('click', function () {
      var existing = list.querySelectorAll(':scope > fieldset.record-row');
      if (existing.length === 0) return;
      var next = 0;
      for (var i = 0; i < existing.length; i++) next = Math.max(next, rowIndex(existing[i]) + 1);
      if (next >= MAX_ROWS) {
        say('これ以上の行は追加できません。');
        return;
      }
      var template = existing[existing.length - 1];
      var from = rowIndex(template);
      var row = template.cloneNode(true);
      var pattern = new RegExp('(record-[a-z]+-)' + from + '-', 'i');
      var named = row.querySelectorAll('[name], [id], [for], [aria-describedby]');
      for (var j = 0; j < named.length; j++) {
        var el = named[j];
        ['name', 'id', 'for', 'aria-describedby'].forEach(function (attr) {
          var value = el.getAttribute(attr);
          if (value) el.setAttribute(attr, value.replace(new RegExp(pattern.source, 'gi'), '$1' + next + '-'));
        });
        if (el.tagName === 'INPUT' && el.type === 'checkbox') el.checked = false;
        else if (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') el.value = '';
        el.removeAttribute('aria-invalid');
      }
      var errors = row.querySelectorAll('.field-error');
      for (var k = 0; k < errors.length; k++) errors[k].remove();
      var invalid = row.querySelectorAll('.field-invalid');
      for (var m = 0; m < invalid.length; m++) invalid[m].classList.remove('field-invalid');
      var oldRemove = row.querySelector('.record-row-remove');
      if (oldRemove) oldRemove.remove();
      withRemove(row);
      list.insertBefore(row, addButton);
      renumber(list, noun);
      var first = row.querySelector('input');
      if (first) first.focus();
      say(noun + list.querySelectorAll(':scope > fieldset.record-row').length + 'を追加しました。');
    });
  }

  var form = document.querySelector('form.record-form');
  if (!form) return;
  var live = document.createElement('p');
  live.className = 'record-live';
  live.setAttribute('aria-live', 'polite');
  form.appendChild(live);
  var lists = form.querySelectorAll('fieldset.record-rows');
  for (var i = 0; i < lists.length; i++) {
    var list = lists[i];
    var isSpans = !!list.querySelector('[name^="record-spans-"]');
    enhance(list, isSpans ? '時間' : '出席者', live);
  }
})();
