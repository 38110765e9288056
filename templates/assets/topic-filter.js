// Topic filter on a document page: the buttons show only the paragraphs that are evidence for one topic
// (marked by the build with data-topics). A topic page links here with ?topic=<id> to open the page with
// that topic chosen. Without JavaScript the buttons stay hidden and every paragraph shows. No dependencies;
// works from file:// as well as from a server.
(function () {
  'use strict';
  var box = document.querySelector('[data-topic-filter]');
  if (!box) return;
  var paragraphs = document.querySelectorAll('[data-topics]');
  var buttons = box.querySelectorAll('button[data-topic-choice]');

  function choose(topic) {
    paragraphs.forEach(function (p) {
      var topics = (p.getAttribute('data-topics') || '').split(' ');
      p.hidden = topic !== '' && topics.indexOf(topic) < 0;
    });
    buttons.forEach(function (b) {
      b.setAttribute('aria-pressed', String(b.getAttribute('data-topic-choice') === topic));
    });
  }

  // A link to a paragraph the filter hides shows everything again, so the link never lands on nothing.
  function revealTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (target && target.closest('[hidden]')) {
      choose('');
      target.scrollIntoView();
    }
  }

  buttons.forEach(function (b) {
    b.addEventListener('click', function () { choose(b.getAttribute('data-topic-choice')); });
  });
  window.addEventListener('hashchange', revealTarget);
  box.hidden = false;

  var asked = new URLSearchParams(location.search).get('topic');
  var known = Array.prototype.some.call(buttons, function (b) { return b.getAttribute('data-topic-choice') === asked; });
  if (asked && known) {
    choose(asked);
    revealTarget();
  }
})();
