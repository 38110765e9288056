/* Acta: footnote popups. A footnote reference (<a data-footnote-ref href="#fn_X">) shows the footnote's
 * text where it is cited: on hover, on keyboard focus, on click or tap. The popup is a copy of the footnote
 * (its links work) plus a link to the footnote in the list. The reference follows the WAI-ARIA disclosure
 * pattern: aria-controls names the popup and aria-expanded says whether it shows. Without this script the
 * reference is a plain link to the footnote, which links back. Needs popup.js. */
(function () {
  'use strict';

  if (!window.ActaPopup) return;
  var SELECTOR = 'a[data-footnote-ref]';
  var refs = document.querySelectorAll(SELECTOR);
  if (!refs.length) return;

  var lang = document.documentElement.lang || '';
  var zh = /^zh/i.test(lang);
  var words = zh
    ? { note: '脚注', close: '关闭脚注', jump: '在脚注列表中查看' }
    : { note: 'Footnote', close: 'Close footnote', jump: 'Show in the list of footnotes' };

  var popup = window.ActaPopup.create({
    id: 'acta-footnote-popup',
    className: 'fn-popup',
    attributes: { 'data-footnote-popup': '', role: 'note' },
    disclosure: true,
    closeLabel: words.close,
    fill: fill,
  });

  Array.prototype.forEach.call(refs, function (a) {
    a.setAttribute('aria-controls', popup.el.id);
    a.setAttribute('aria-expanded', 'false');
  });

  window.ActaPopup.bind(popup, SELECTOR, {
    filter: function (a) { return !!footnoteOf(a); },
    // A pointer click pins the popup open (a second one closes it); Enter or Space from the keyboard toggles
    // it. Either way the page does not jump: the popup has its own link to the footnote.
    click: function (a, e) {
      e.preventDefault();
      var open = popup.isOpenFor(a);
      var fromPointer = e.detail > 0;
      if (open && (!fromPointer || popup.reasons.pin)) popup.close(false);
      else popup.open(a, 'pin');
    },
  });

  function footnoteOf(a) {
    var href = a.getAttribute('href') || '';
    if (href.charAt(0) !== '#') return null;
    var id;
    try { id = decodeURIComponent(href.slice(1)); } catch (err) { id = href.slice(1); }
    return document.getElementById(id);
  }

  function fill(a, body, p) {
    var fn = footnoteOf(a);
    if (!fn) return false;
    var label = (fn.querySelector('.fn-label') || a).textContent.trim();
    p.el.setAttribute('aria-label', words.note + ' ' + label);

    var head = document.createElement('span');
    head.className = 'popup-label';
    head.textContent = words.note + ' ' + label;
    body.appendChild(head);

    var text = document.createElement('span');
    text.className = 'popup-text';
    var source = fn.querySelector('.fn-text');
    var copy = (source || fn).cloneNode(true);
    // The list entry's own furniture (label, back links) and ids must not be duplicated.
    Array.prototype.forEach.call(copy.querySelectorAll('.fn-label, .fn-back, [role="doc-backlink"]'), function (n) { n.remove(); });
    Array.prototype.forEach.call(copy.querySelectorAll('[id]'), function (n) { n.removeAttribute('id'); });
    copy.removeAttribute('id');
    copy.removeAttribute('role');
    while (copy.firstChild) text.appendChild(copy.firstChild);
    body.appendChild(text);

    var jump = document.createElement('a');
    jump.className = 'popup-jump';
    jump.href = '#' + fn.id;
    jump.textContent = words.jump;
    jump.addEventListener('click', function () { popup.close(false); });
    body.appendChild(jump);
    return true;
  }
})();
