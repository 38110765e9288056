/* Acta: citation previews. Hovering or focusing a link to another document page of the archive
 * (doc/<slug>.html, with or without #paragraph) shows that document's symbol, title and date, and the
 * linked paragraph's text. The data is the search's own (write/search_files.hpp): search/p/<bucket>.js
 * says which text is the slug's (the bucket is FNV-1a of the slug, as the build computes it), and
 * search/t/<N>.js is that document's text, deflated UTF-16LE JSON in base64. Both are loaded on first use
 * through the search's loader (search-files.js), so on the search page no file is loaded twice. Everything
 * is shown with textContent, never parsed as markup. Needs popup.js and search-files.js (which inflates
 * the texts with DecompressionStream, or without it by itself). */
(function () {
  'use strict';

  if (!window.ActaPopup || !window.ActaSearch) return;
  var script = document.currentScript;
  if (!script || !script.src) return;
  var root = new URL('../', script.src).href;  // this file is <root>/assets/previews.js
  var docs = root + 'doc/';
  var MAX_TEXT = 280;  // characters of the cited paragraph to show

  var zh = /^zh/i.test(document.documentElement.lang || '');
  var words = zh ? { loading: '正在载入…', missing: '（无此段落）' } : { loading: 'Loading…', missing: '(no such paragraph)' };

  var BUCKETS = 256;  // write/search_files.hpp kSlugBuckets

  function bucket(slug) {  // FNV-1a of the UTF-8 bytes, as slug_bucket() in the build
    var h = 0x811c9dc5;
    new TextEncoder().encode(slug).forEach(function (b) { h = Math.imul(h ^ b, 16777619) >>> 0; });
    return h % BUCKETS;
  }

  // A document's text as a preview shows it: symbol, title, date as shown, and each anchor's text with the
  // number the page puts before it ("3. ", "(a) ").
  function previewData(t) {
    var paragraphs = {};
    (t.f || []).forEach(function (f) {
      var anchor = f[1], label = f[2], text = f[3];
      if (!anchor || Object.prototype.hasOwnProperty.call(paragraphs, anchor)) return;
      var m = /^第 (\S+) 段$/.exec(label), p = /\((\S+)\)$/.exec(label);
      var prefix = m ? m[1] + '. ' : p ? '(' + p[1] + ') ' : '';
      paragraphs[anchor] = prefix + String(text).replace(/\s*\n\s*/g, ' ').trim();
    });
    return { symbol: t.s, title: t.t, date: t.D || t.d, paragraphs: paragraphs };
  }

  var data = {};  // slug -> Promise of the document's preview data, or of null (a slug not in the archive)
  function load(slug, cb) {
    if (!data[slug]) {
      var search = window.ActaSearch;
      data[slug] = search.load('p/' + bucket(slug))
        .then(function (map) {
          if (!map || !Object.prototype.hasOwnProperty.call(map, slug)) return null;
          return search.load('t/' + map[slug]).then(function (d) { return typeof d === 'string' ? search.inflate(d) : d; }).then(previewData);
        })
        .catch(function () { delete data[slug]; return null; });  // a file that failed to load: try again next time
    }
    data[slug].then(cb);
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
