// The pre-rendered page and its hand-over to the app (issue 17, "content first").
// index.html holds the whole page at its default settings (#static-page, written by
// tools/prerender.mjs) and shows it from the first paint. The script at the top of
// <body> marks <html> .app-pending where WebAssembly can run; then the app renders
// itself off-screen and, once its data has loaded and its first render is done, calls
// selloffTakeOver (below) to swap the static page for itself in one frame.
// Without WebAssembly (old browsers, iOS Lockdown Mode), or if the app fails to
// start, the static page stays, with its note and without its controls (the
// script at the top of <body> sees to that, as early as it can).
(function () {
  var root = document.documentElement;
  // Print: the pre-rendered copies (the page before the app takes over, and sections
  // the app has not built yet) print with their disclosures open.
  var opened = [];
  addEventListener('beforeprint', function () {
    var closed = document.querySelectorAll('#static-page details:not([open]), [data-static] details:not([open])');
    for (var i = 0; i < closed.length; i++) {
      closed[i].open = true;
      opened.push(closed[i]);
    }
  });
  addEventListener('afterprint', function () {
    for (var i = 0; i < opened.length; i++) opened[i].open = false;
    opened = [];
  });

  // The edition switch in the static page (issue 26) was rendered at the default
  // settings; until the app takes over, it opens the other edition with this link's.
  var edition = document.querySelector('#static-page .lang-switch a');
  if (edition) {
    var href = edition.getAttribute('href') || '';
    var cut = href.search(/[?#]/);
    edition.setAttribute('href', (cut < 0 ? href : href.slice(0, cut)) + location.search + location.hash);
  }

  // An element's kind: its tag and first class ("Show as table" is a <details> in
  // the static page and a button and a <div> in the app, so plain tag counts differ).
  function kind(e) {
    return e.tagName + '.' + (e.classList[0] || '');
  }

  // Where the reader is: the element under the top edge of the reading area (below
  // the sticky control bar), as a path from its nearest ancestor with an id (each
  // step: the n-th child of its kind), with each step's distance from the top.
  function whereReading(page) {
    if (window.scrollY < 1) return null;
    var y = 2;
    var bar = page.querySelector('.controlbar');
    if (bar) {
      var b = bar.getBoundingClientRect();
      if (b.top <= 1 && b.bottom > 0) y = b.bottom + 2;
    }
    var el = document.elementFromPoint(window.innerWidth / 2, y);
    var steps = [];
    for (var e = el; e && e !== page && page.contains(e); e = e.parentElement) {
      var top = e.getBoundingClientRect().top;
      if (e.id) return { id: e.id, top: top, steps: steps };
      var n = 0, k = kind(e);
      for (var s = e.previousElementSibling; s; s = s.previousElementSibling) if (kind(s) === k) n++;
      steps.unshift({ kind: k, n: n, top: top });
    }
    return null;
  }

  // The same element in the app (by id, then the same path as far as it exists),
  // put back at the same distance from the top of the window.
  function keepReading(at) {
    var el = document.getElementById(at.id);
    if (!el) return;
    var top = at.top;
    for (var i = 0; i < at.steps.length; i++) {
      var step = at.steps[i], next = null, n = 0;
      for (var c = el.firstElementChild; c; c = c.nextElementSibling) {
        if (kind(c) === step.kind && n++ === step.n) { next = c; break; }
      }
      if (!next) break;
      el = next;
      top = step.top;
    }
    var shift = el.getBoundingClientRect().top - top;
    if (Math.abs(shift) >= 1) window.scrollTo({ top: window.scrollY + shift, behavior: 'instant' });
  }

  // The reader's selection, as its text and where it starts in the text of its
  // nearest ancestor with an id.
  function selected(page) {
    var sel = window.getSelection && window.getSelection();
    if (!sel || !sel.rangeCount || sel.isCollapsed) return null;
    var r = sel.getRangeAt(0), text = r.toString();
    var c = r.commonAncestorContainer;
    if (c.nodeType !== 1) c = c.parentElement;
    var box = c && c.closest('[id]');
    if (!text || !box || !page.contains(box)) return null;
    var before = document.createRange();
    before.selectNodeContents(box);
    before.setEnd(r.startContainer, r.startOffset);
    return { id: box.id, start: before.toString().length, text: text };
  }

  // Select the same text again in the app (best effort: the same place if the text
  // is there, else its first occurrence in the same element).
  function reselect(was) {
    var box = document.getElementById(was.id);
    if (!box) return;
    var all = box.textContent, len = was.text.length;
    var at = all.substr(was.start, len) === was.text ? was.start : all.indexOf(was.text);
    if (at < 0) return;
    var walk = document.createTreeWalker(box, NodeFilter.SHOW_TEXT), node, pos = 0;
    var range = document.createRange(), started = false;
    while ((node = walk.nextNode())) {
      var l = node.data.length;
      if (!started && at < pos + l) { range.setStart(node, at - pos); started = true; }
      if (started && at + len <= pos + l) {
        range.setEnd(node, at + len - pos);
        var sel = window.getSelection();
        sel.removeAllRanges();
        sel.addRange(range);
        return;
      }
      pos += l;
    }
  }

  // performance marks for `make bench`: the first chart drawn (a chart sizes its
  // canvas when it draws; an undrawn canvas keeps the default 300 × 150).
  function markFirstChart() {
    var since = performance.now();
    (function look() {
      var cs = document.querySelectorAll('main canvas');
      for (var i = 0; i < cs.length; i++) {
        if (cs[i].width !== 300 || cs[i].height !== 150) {
          performance.mark('selloff:first-chart');
          return;
        }
      }
      if (performance.now() - since < 60000) requestAnimationFrame(look);
    })();
  }

  // A disclosure the reader opened (or closed) in a pre-rendered copy stays so in the
  // app's element that replaces it: at the take-over, and when a section the app had
  // left standing in is built (src/sections/mod.rs calls selloffCarryOpen with the copy
  // it is about to remove). The prerender marks the disclosures open at the defaults
  // (data-default-open); each one the reader changed is found again in the app by the
  // id of its nearest ancestor with one and its place among that ancestor's
  // disclosures (the same structure: the copy is the app's own page).
  var DISCLOSURES = 'details.disclose, details.sources';
  function toggled(box) {
    var out = [], all = box.querySelectorAll(DISCLOSURES);
    for (var i = 0; i < all.length; i++) {
      var d = all[i], host = d.parentElement && d.parentElement.closest('[id]');
      if (!host || d.open === d.hasAttribute('data-default-open')) continue;
      var mine = host.querySelectorAll(DISCLOSURES);
      out.push({ id: host.id, n: Array.prototype.indexOf.call(mine, d), of: mine.length, open: d.open });
    }
    return out;
  }
  function reopen(list) {
    for (var i = 0; i < list.length; i++) {
      var t = list[i], host = document.getElementById(t.id);
      var mine = host ? host.querySelectorAll(DISCLOSURES) : [];
      if (mine.length === t.of && mine[t.n].open !== t.open) mine[t.n].open = t.open;
    }
  }
  window.selloffCarryOpen = function (copy) {
    var list = toggled(copy);
    // After the app's element is in the page (it is mounted in the same task).
    if (list.length) requestAnimationFrame(function () { reopen(list); });
  };

  // Called by the app (src/app.rs) with the element it rendered itself into, or
  // null when it mounted straight into the page (no static page: a dev build).
  window.selloffTakeOver = function (app) {
    var page = document.getElementById('static-page');
    if (app && page) {
      var at = whereReading(page), sel = selected(page);
      // Sections the app has not built yet: their static copies move into the app's
      // page, each to the mark the app left for it (src/sections/mod.rs).
      var marks = app.querySelectorAll('template[data-stand-in]');
      for (var i = 0; i < marks.length; i++) {
        var copy = document.getElementById(marks[i].getAttribute('data-stand-in'));
        if (copy && page.contains(copy)) marks[i].parentNode.insertBefore(copy, marks[i]);
      }
      var carried = toggled(page);
      var parent = page.parentNode, next = page.nextSibling;
      // The static page leaves before the app arrives: never two elements with one id.
      page.remove();
      while (app.firstChild) parent.insertBefore(app.firstChild, next);
      root.classList.remove('app-pending', 'embed-pending');
      reopen(carried);
      if (at) keepReading(at);
      if (sel) reselect(sel);
    } else if (app) {
      while (app.firstChild) document.body.appendChild(app.firstChild);
    }
    root.classList.remove('app-pending', 'embed-pending');
    root.dataset.app = 'ready';
    performance.mark('selloff:interactive');
    markFirstChart();
  };
})();
