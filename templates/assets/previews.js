/* Acta: citation previews. Hovering or focusing a link to another document page of the archive
 * (doc/<slug>.html, with or without #paragraph) shows that document's symbol, title and date, and the
 * linked paragraph's text. The data is previews/<slug>.js, written by the build and loaded on first use
 * with a <script> element: fetch() of local files is blocked when the site is opened from disk, a script
 * file is not, and it runs under CSP script-src 'self'. The file calls ActaPreviews.add(slug, data); all
 * of it is shown with textContent, never parsed as markup. Needs popup.js. */
(function () {
  'use strict';

  if (!window.ActaPopup) return;
  var script = document.currentScript;
  if (!script || !script.src) return;
  var root = new URL('../', script.src).href;  // this file is <root>/assets/previews.js
  var docs = root + 'doc/';
  var MAX_TEXT = 280;  // characters of the cited paragraph to show

  var zh = /^zh/i.test(document.documentElement.lang || '');
  var words = zh ? { loading: '正在载入…', missing: '（无此段落）' } : { loading: 'Loading…', missing: '(no such paragraph)' };

  var data = {};     // slug -> the document's preview data
  var waiting = {};  // slug -> callbacks waiting for its file

  window.ActaPreviews = {
    add: function (slug, d) {
      data[slug] = d;
      (waiting[slug] || []).forEach(function (cb) { cb(d); });
      delete waiting[slug];
    },
  };

  function load(slug, cb) {
    if (data[slug]) { cb(data[slug]); return; }
    if (waiting[slug]) { waiting[slug].push(cb); return; }
    waiting[slug] = [cb];
    var s = document.createElement('script');
    s.src = root + 'previews/' + encodeURIComponent(slug) + '.js';
    s.async = true;
    s.onerror = function () {
      (waiting[slug] || []).forEach(function (f) { f(null); });
      delete waiting[slug];
      s.remove();
    };
    document.head.appendChild(s);
  }

  // The previewed document for a link, or null: {slug, fragment}.
  function target(a) {
    if (a.closest('[data-no-preview], .popup, .site-header, .site-footer')) return null;
    var url;
    try { url = new URL(a.href); } catch (err) { return null; }
    var here = new URL(window.location.href);
    if (url.href.indexOf(docs) !== 0 || url.pathname === here.pathname && url.protocol === here.protocol && url.host === here.host) return null;
    var rest = url.href.slice(docs.length).replace(/[?#].*$/, '');
    if (!/^[^/]+\.html$/.test(rest)) return null;
    var slug;
    try { slug = decodeURIComponent(rest.slice(0, -5)); } catch (err) { return null; }
    var fragment = '';
    try { fragment = decodeURIComponent(url.hash.slice(1)); } catch (err) { fragment = url.hash.slice(1); }
    return { slug: slug, fragment: fragment };
  }

  var popup = window.ActaPopup.create({
    id: 'acta-cite-preview',
    className: 'cite-popup',
    attributes: { role: 'tooltip', 'data-cite-preview': '' },
    disclosure: false,
    openDelay: 150,
    fill: function (a, body) {
      var t = target(a);
      if (!t) return false;
      var status = part(body, 'popup-label', words.loading);
      load(t.slug, function (d) {
        if (popup.trigger !== a) return;  // the reader has moved on
        if (!d) { popup.close(false); return; }
        body.textContent = '';
        show(body, d, t.fragment);
        popup.place();
      });
      return status !== null;
    },
  });

  window.ActaPopup.bind(popup, 'a[href]', {
    filter: function (a) { return target(a) !== null; },
    keyboardFocusOnly: true,
  });

  function part(parent, className, text) {
    var span = document.createElement('span');
    span.className = className;
    span.textContent = text;
    parent.appendChild(span);
    return span;
  }

  function show(body, d, fragment) {
    var head = part(body, 'popup-label', '');
    if (d.symbol) part(head, 'cite-symbol', d.symbol);
    if (d.date) part(head, 'cite-date', d.date);
    part(body, 'cite-title', d.title || '');
    if (!fragment) return;
    var text = d.paragraphs && Object.prototype.hasOwnProperty.call(d.paragraphs, fragment) ? d.paragraphs[fragment] : null;
    if (text === null) {
      // A link to a paragraph id the document lacks is worth flagging; other fragments are not paragraphs.
      if (/^(para_|preamble__p_|p_)/.test(fragment)) part(body, 'cite-para cite-missing', words.missing);
      return;
    }
    var chars = Array.from(text);
    if (chars.length > MAX_TEXT) text = chars.slice(0, MAX_TEXT).join('') + '…';
    part(body, 'cite-para', text);
  }
})();
