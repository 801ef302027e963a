// The keeper's round page while the round clears: polls GET /api/rounds/{id} once a second,
// moves the progress bar and phase text, and reloads the page (which then shows the result)
// when the round is cleared or failed. A separate file because the pages' CSP forbids inline script.
(function () {
  'use strict';
  var box = document.getElementById('round-progress-section');
  if (!box || !window.fetch) return;
  var bar = document.getElementById('round-progress');
  var phase = document.getElementById('round-phase');
  var url = box.getAttribute('data-poll');
  var percent = box.getAttribute('data-percent') || '{0} %';
  function later(ms) { window.setTimeout(tick, ms); }
  function tick() {
    fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (round) {
        if (!round) { later(3000); return; }
        if (round.state === 'cleared' || round.state === 'failed') { window.location.reload(); return; }
        var progress = round.progress || {};
        var value = progress.percent || 0;
        bar.value = value;
        phase.textContent = (box.getAttribute('data-phase-' + progress.phase) || progress.phase) + ' \u2014 ' + percent.replace('{0}', value);
        later(1000);
      }, function () { later(3000); });
  }
  later(1000);
}());
