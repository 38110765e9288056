/* Acta: the one popup machinery behind footnote popups (footnotes.js) and citation previews (previews.js).
 *
 * A popup belongs to one trigger at a time and stays open while any reason to show it holds: the pointer
 * is over the trigger or the popup ("hover"), focus is in either ("focus"), or the reader clicked the
 * trigger ("pin"). The popup element is moved to just after its trigger, so the next Tab from the trigger
 * reaches the links inside it, and it is placed with position: fixed next to the trigger, kept inside the
 * viewport; on a narrow screen it becomes a panel along the bottom (CSS class is-panel). Escape, a click
 * outside or focus moving elsewhere closes it. Only one popup is open at a time.
 * No dependencies, no inline code: loaded as a file so the site runs under CSP script-src 'self'. */
(function () {
  'use strict';

  var NARROW = window.matchMedia('(max-width: 40rem)');
  var GAP = 6;           // px between trigger and popup
  var MARGIN = 8;        // px the popup keeps from the viewport's edges
  var CLOSE_DELAY = 300; // ms after the pointer leaves, so it can cross the gap onto the popup

  var all = [];

  // options: id, className, attributes (set on the popup element), fill(trigger, body): fills the popup's
  // body for a trigger; disclosure: true to keep aria-expanded on the trigger (footnotes), false to link
  // trigger and popup with aria-describedby (previews, role tooltip); closeLabel: text for a close button
  // (none when absent); openDelay: ms of hover before opening (0: at once), so that a pointer crossing
  // a page full of links does not flash popups.
  function create(options) {
    var el = document.createElement('span');
    el.id = options.id;
    el.className = 'popup ' + (options.className || '');
    el.hidden = true;
    var attrs = options.attributes || {};
    Object.keys(attrs).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    var body = document.createElement('span');
    body.className = 'popup-body';
    if (options.closeLabel) {
      var close = document.createElement('button');
      close.type = 'button';
      close.className = 'popup-close';
      close.setAttribute('aria-label', options.closeLabel);
      close.textContent = '×';
      close.addEventListener('click', function () { popup.close(true); });
      el.appendChild(close);
    }
    el.appendChild(body);
    document.body.appendChild(el);

    var popup = {
      el: el,
      body: body,
      trigger: null,
      reasons: {},
      openTimer: 0,
      closeTimer: 0,
      muted: false,

      isOpenFor: function (trigger) { return !el.hidden && popup.trigger === trigger; },

      // Shows the popup for `trigger` because of `reason` (hover, focus, pin).
      open: function (trigger, reason) {
        clearTimeout(popup.openTimer);
        clearTimeout(popup.closeTimer);
        if (popup.trigger !== trigger || el.hidden) {
          all.forEach(function (p) { if (p !== popup) p.close(false); });
          popup.detach();
          popup.reasons = {};
          popup.trigger = trigger;
          body.textContent = '';
          if (options.fill(trigger, body, popup) === false) { popup.trigger = null; return; }
          trigger.insertAdjacentElement('afterend', el);
          if (options.disclosure) trigger.setAttribute('aria-expanded', 'true');
          else trigger.setAttribute('aria-describedby', el.id);
          el.hidden = false;
          popup.place();
        }
        popup.reasons[reason] = true;
      },

      // Opens after a short hover, unless the pointer leaves first.
      openSoon: function (trigger) {
        clearTimeout(popup.closeTimer);
        if (popup.isOpenFor(trigger)) { popup.reasons.hover = true; return; }
        clearTimeout(popup.openTimer);
        if (!options.openDelay) popup.open(trigger, 'hover');
        else popup.openTimer = setTimeout(function () { popup.open(trigger, 'hover'); }, options.openDelay);
      },

      // One reason to stay open is gone; closes when none is left (after a grace period for hover).
      release: function (reason) {
        if (reason === 'hover') clearTimeout(popup.openTimer);
        if (el.hidden) return;
        delete popup.reasons[reason];
        clearTimeout(popup.closeTimer);
        if (Object.keys(popup.reasons).length) return;
        if (reason === 'hover') popup.closeTimer = setTimeout(function () { popup.close(false); }, CLOSE_DELAY);
        else popup.close(false);
      },

      // Closes; with `refocus`, puts focus back on the trigger when it was inside the popup.
      close: function (refocus) {
        clearTimeout(popup.openTimer);
        clearTimeout(popup.closeTimer);
        if (el.hidden) return;
        var trigger = popup.trigger;
        el.hidden = true;
        popup.reasons = {};
        popup.detach();
        if (refocus && trigger && document.activeElement !== trigger) {
          popup.muted = true;  // the focus we move back must not reopen the popup
          trigger.focus();
          popup.muted = false;
        }
      },

      detach: function () {
        var t = popup.trigger;
        if (!t) return;
        if (options.disclosure) t.setAttribute('aria-expanded', 'false');
        else if (t.getAttribute('aria-describedby') === el.id) t.removeAttribute('aria-describedby');
        popup.trigger = null;
      },

      // Puts the popup below the trigger (above when there is more room there), inside the viewport.
      place: function () {
        if (el.hidden || !popup.trigger) return;
        var panel = NARROW.matches;
        el.classList.toggle('is-panel', panel);
        el.style.left = el.style.top = el.style.maxHeight = '';
        if (panel) return;
        var vw = document.documentElement.clientWidth;
        var vh = document.documentElement.clientHeight;
        var rects = popup.trigger.getClientRects();
        var r = rects.length ? rects[0] : popup.trigger.getBoundingClientRect();
        var w = el.offsetWidth;
        var h = el.offsetHeight;
        var below = vh - r.bottom - GAP - MARGIN;
        var above = r.top - GAP - MARGIN;
        var top;
        if (h <= below || below >= above) {
          top = r.bottom + GAP;
          if (h > below) { el.style.maxHeight = Math.max(below, 80) + 'px'; h = Math.max(below, 80); }
        } else {
          if (h > above) { el.style.maxHeight = above + 'px'; h = above; }
          top = r.top - GAP - h;
        }
        // A trigger scrolled (partly) out of view must not drag the popup off the screen.
        top = Math.min(Math.max(top, MARGIN), Math.max(MARGIN, vh - h - MARGIN));
        var left = r.left + r.width / 2 - w / 2;
        left = Math.min(Math.max(left, MARGIN), Math.max(MARGIN, vw - w - MARGIN));
        el.style.left = Math.round(left) + 'px';
        el.style.top = Math.round(top) + 'px';
      },
    };

    el.addEventListener('pointerenter', function (e) {
      if (e.pointerType === 'mouse' && !el.hidden) { clearTimeout(popup.closeTimer); popup.reasons.hover = true; }
    });
    el.addEventListener('pointerleave', function (e) { if (e.pointerType === 'mouse') popup.release('hover'); });
    el.addEventListener('focusin', function () { if (!el.hidden) popup.reasons.focus = true; });
    el.addEventListener('focusout', function (e) { leaving(popup, e); });

    all.push(popup);
    return popup;
  }

  // Focus left the trigger or the popup: to somewhere else on the page closes it; to nowhere (the window
  // lost focus, a click on plain text) only drops the focus reason.
  function leaving(popup, e) {
    var to = e.relatedTarget;
    if (to && (popup.el.contains(to) || to === popup.trigger)) return;
    if (to) popup.close(false);
    else popup.release('focus');
  }

  // Wires the usual trigger events for elements matching `selector` (delegated, so triggers added later
  // work too). handlers: filter(a) may reject a matching element; click(a, event) handles activation
  // (optional); keyboardFocusOnly: focus given by a pointer press does not open the popup (links that
  // navigate when pressed).
  function bind(popup, selector, handlers) {
    var match = function (target) {
      var t = target && target.closest ? target.closest(selector) : null;
      if (!t || popup.el.contains(t) || (handlers.filter && !handlers.filter(t))) return null;
      return t;
    };
    document.addEventListener('pointerover', function (e) {
      var t = match(e.target);
      if (t && e.pointerType === 'mouse' && !(e.relatedTarget && t.contains(e.relatedTarget))) popup.openSoon(t);
    });
    document.addEventListener('pointerout', function (e) {
      var t = match(e.target);
      if (t && e.pointerType === 'mouse' && !(e.relatedTarget && t.contains(e.relatedTarget))) {
        if (popup.trigger === t) popup.release('hover');
        else clearTimeout(popup.openTimer);
      }
    });
    // Pressing a trigger acts on it (a preview link navigates): a hover-open still pending is moot, and
    // starting it would only load data the next page throws away.
    var pressed = null;
    document.addEventListener('pointerdown', function (e) {
      pressed = match(e.target);
      if (pressed) clearTimeout(popup.openTimer);
    });
    document.addEventListener('pointerup', function () { pressed = null; });
    document.addEventListener('focusin', function (e) {
      var t = match(e.target);
      if (!t || popup.muted) return;
      if (handlers.keyboardFocusOnly && t === pressed) return;  // focus from a press, not from the keyboard
      popup.open(t, 'focus');
    });
    document.addEventListener('focusout', function (e) {
      var t = match(e.target);
      if (t && popup.trigger === t) leaving(popup, e);
    });
    if (handlers.click) {
      document.addEventListener('click', function (e) {
        var t = match(e.target);
        if (t) handlers.click(t, e);
      });
    }
  }

  document.addEventListener('keydown', function (e) {
    if (e.key !== 'Escape') return;
    all.forEach(function (p) {
      if (!p.el.hidden) { p.close(p.el.contains(document.activeElement) || document.activeElement === p.trigger); e.preventDefault(); }
    });
  });
  // A click (or tap) outside the popup and its trigger closes it.
  document.addEventListener('pointerdown', function (e) {
    all.forEach(function (p) {
      if (!p.el.hidden && !p.el.contains(e.target) && !(p.trigger && p.trigger.contains(e.target))) p.close(false);
    });
  });
  var pending = false;
  var replace = function () {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () { pending = false; all.forEach(function (p) { p.place(); }); });
  };
  window.addEventListener('resize', replace);
  window.addEventListener('scroll', replace, { passive: true });
  if (NARROW.addEventListener) NARROW.addEventListener('change', replace);

  window.ActaPopup = { create: create, bind: bind };
})();
