/*
 * The scoring dashboard in the browser: the threshold slider recomputes precision, recall, FPR,
 * accuracy and the confusion matrix from the curve points the page carries, and moves the markers
 * on the ROC and PR charts; the retrain button starts a job and follows it over a WebSocket
 * (polling /app/jobs/:id when the socket cannot open), then reloads the panel with the new model.
 * Plain ES2017, no build step. `operatingPoint` is exported for node tests (same rule as
 * src/web/model-view.ts).
 */
(function () {
  'use strict';

  /** curve: [[threshold|null(=∞), tpr, fpr], ...] */
  function operatingPoint(curve, positives, negatives, threshold) {
    var best = null;
    var bestT = Infinity;
    for (var i = 0; i < curve.length; i++) {
      var t = curve[i][0] === null ? Infinity : curve[i][0];
      if (t >= threshold && (best === null || t <= bestT)) { best = curve[i]; bestT = t; }
    }
    var tpr = best ? best[1] : 0;
    var fpr = best ? best[2] : 0;
    var tp = Math.round(tpr * positives);
    var fp = Math.round(fpr * negatives);
    var fn = positives - tp;
    var tn = negatives - fp;
    var r = function (a, b) { return b === 0 ? 0 : a / b; };
    return { threshold: threshold, tp: tp, fp: fp, tn: tn, fn: fn, precision: r(tp, tp + fp), recall: r(tp, positives), fpr: r(fp, negatives), accuracy: r(tp + tn, positives + negatives) };
  }

  /**
   * A failed run in the page's words: the job's outcome code and numbers (src/scoring/job-outcome.ts)
   * through texts `error_<code>`, numbers in the page's format; any other failure as `error_unknown`,
   * never the server's own (English) message.
   */
  function failureText(texts, lang, error) {
    var code = error && typeof error.code === 'string' && texts['error_' + error.code] ? error.code : 'unknown';
    var nf = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'ru-RU');
    var vars = (error && error.vars) || {};
    return (texts['error_' + code] || '').replace(/\{(\w+)\}/g, function (m, v) { return typeof vars[v] === 'number' ? nf.format(vars[v]) : m; });
  }

  if (typeof module !== 'undefined' && module.exports) { module.exports = { operatingPoint: operatingPoint, failureText: failureText }; return; }

  var cfgEl = document.getElementById('scoring-config');
  var cfg = cfgEl ? JSON.parse(cfgEl.textContent) : { texts: {} };
  var tx = function (key, vars) {
    var s = cfg.texts[key] || key;
    return s.replace(/\{(\w+)\}/g, function (m, v) { return vars && v in vars ? String(vars[v]) : m; });
  };
  var pct = function (x) { return (x * 100).toFixed(1) + '%'; };
  var fmt = function (n) { return String(Math.round(n * 10) / 10); };

  function moveMarker(id, x, y) {
    var c = document.getElementById(id);
    if (!c) return;
    var x0 = +c.getAttribute('data-x0'), y0 = +c.getAttribute('data-y0'), w = +c.getAttribute('data-w'), h = +c.getAttribute('data-h');
    c.setAttribute('cx', fmt(x0 + Math.min(1, Math.max(0, x)) * w));
    c.setAttribute('cy', fmt(y0 + (1 - Math.min(1, Math.max(0, y))) * h));
  }

  function setText(id, s) { var el = document.getElementById(id); if (el) el.textContent = s; }

  function bindSlider(entity) {
    var slider = document.getElementById(entity + '-threshold');
    var data = document.getElementById(entity + '-curve');
    if (!slider || !data) return;
    var d = JSON.parse(data.textContent);
    var update = function () {
      var t = parseFloat(slider.value);
      var op = operatingPoint(d.curve, d.positives, d.negatives, t);
      setText(entity + '-threshold-out', t.toFixed(2));
      setText(entity + '-precision', pct(op.precision));
      setText(entity + '-recall', pct(op.recall));
      setText(entity + '-fpr', pct(op.fpr));
      setText(entity + '-accuracy', pct(op.accuracy));
      ['tp', 'fp', 'tn', 'fn'].forEach(function (k) { setText(entity + '-' + k, String(op[k])); });
      moveMarker(entity + '-roc-marker', op.fpr, op.recall);
      moveMarker(entity + '-pr-marker', op.recall, op.precision);
    };
    slider.addEventListener('input', update);
    slider.addEventListener('change', update);
  }

  function reloadPanel(entity, message) {
    var url = '/app/scoring/panel/' + entity + '?t=' + encodeURIComponent(cfg.token);
    return fetch(url, { credentials: 'same-origin' }).then(function (r) { return r.text(); }).then(function (html) {
      var old = document.getElementById('panel-' + entity);
      if (!old) return;
      old.outerHTML = html;
      bindPanel(entity);
      setText(entity + '-status', message);
    });
  }

  function follow(entity, jobId) {
    var button = document.getElementById(entity + '-retrain');
    var bar = document.getElementById(entity + '-progress');
    var finished = false;
    if (button) button.disabled = true;
    if (bar) bar.hidden = false;
    var show = function (e) {
      if (finished) return;
      if (e.state === 'done') {
        finished = true;
        if (bar) bar.value = 100;
        reloadPanel(entity, tx('done', { version: e.version }));
      } else if (e.state === 'failed') {
        finished = true;
        setText(entity + '-status', failureText(cfg.texts, cfg.lang, e.error));
        if (button) button.disabled = false;
        if (bar) bar.hidden = true;
      } else {
        var p = Math.round((e.progress || 0) * 100);
        if (bar) bar.value = p;
        setText(entity + '-status', e.state === 'queued' ? tx('queued') : tx('progress', { percent: p, stage: tx('stage_' + (e.stage || 'fit')) }));
      }
    };
    var poll = function () {
      if (finished) return;
      fetch('/app/jobs/' + encodeURIComponent(jobId) + '?t=' + encodeURIComponent(cfg.token)).then(function (r) { return r.json(); }).then(function (e) {
        show(e);
        if (!finished) setTimeout(poll, 1000);
      }, function () { setTimeout(poll, 2000); });
    };
    try {
      var proto = location.protocol === 'https:' ? 'wss:' : 'ws:';
      var ws = new WebSocket(proto + '//' + location.host + '/app/ws?t=' + encodeURIComponent(cfg.token) + '&job=' + encodeURIComponent(jobId));
      var opened = false;
      ws.onopen = function () { opened = true; };
      ws.onmessage = function (m) { show(JSON.parse(m.data)); };
      ws.onclose = function () { if (!finished) setTimeout(poll, opened ? 200 : 0); };
    } catch (err) {
      poll();
    }
  }

  function bindRetrain(entity) {
    var button = document.getElementById(entity + '-retrain');
    if (!button) return;
    if (button.getAttribute('data-job')) follow(entity, button.getAttribute('data-job'));
    button.addEventListener('click', function () {
      button.disabled = true;
      setText(entity + '-status', tx('queued'));
      fetch('/app/scoring/retrain', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ t: cfg.token, entity: entity }),
      }).then(function (r) { return r.json().then(function (j) { return { ok: r.ok, body: j }; }); }).then(function (res) {
        if (!res.ok) { setText(entity + '-status', tx('failed', { message: res.body.message || '' })); button.disabled = false; return; }
        if (res.body.busy) setText(entity + '-status', tx('busy'));
        follow(entity, res.body.jobId);
      }, function () { setText(entity + '-status', failureText(cfg.texts, cfg.lang, null)); button.disabled = false; });
    });
  }

  function bindPanel(entity) { bindSlider(entity); bindRetrain(entity); }

  var panels = document.querySelectorAll('section.entity');
  for (var i = 0; i < panels.length; i++) bindPanel(panels[i].getAttribute('data-entity'));
})();
