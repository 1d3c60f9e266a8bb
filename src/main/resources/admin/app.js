// reportbot maintainer's page. Every text from the server is put into the page with textContent (never innerHTML),
// so a question holding markup is shown as text. Served from the jar under a strict Content-Security-Policy.
(function () {
  'use strict';

  var csrf = document.querySelector('meta[name="csrf-token"]').getAttribute('content');
  var statusLine = document.getElementById('status');
  var charts = [];
  var loaded = {};

  function el(tag, props) {
    var e = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (k) {
        if (k === 'text') { e.textContent = props[k]; }
        else if (k === 'className') { e.className = props[k]; }
        else { e.setAttribute(k, props[k]); }
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c !== null && c !== undefined) { e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); }
    }
    return e;
  }

  function clear(e) { while (e.firstChild) { e.removeChild(e.firstChild); } }

  function say(text, isError) {
    statusLine.textContent = text || '';
    statusLine.className = isError ? 'error' : '';
  }

  function api(method, path, body) {
    var opts = { method: method, headers: { 'Accept': 'application/json' }, credentials: 'same-origin' };
    if (method === 'POST') {
      opts.headers['Content-Type'] = 'application/json';
      opts.headers['X-CSRF-Token'] = csrf;
      opts.body = JSON.stringify(body || {});
    }
    return fetch(path, opts).then(function (r) {
      if (r.status === 401) { window.location.assign('/login'); throw new Error('log in first'); }
      return r.json().then(function (data) {
        if (!r.ok) { throw new Error(data && data.error ? data.error : ('HTTP ' + r.status)); }
        return data;
      });
    });
  }

  function pct(x) { return x === null || x === undefined ? '–' : (x * 100).toFixed(1) + ' %'; }
  function num(x) { return x === null || x === undefined ? '–' : x.toFixed(2); }

  // ---- parts -------------------------------------------------------------------------------------------------
  function show(part) {
    document.querySelectorAll('.part').forEach(function (s) { s.classList.toggle('hidden', s.id !== part); });
    document.querySelectorAll('.tab').forEach(function (b) { b.classList.toggle('active', b.getAttribute('data-part') === part); });
    if (part === 'traffic') { loadTraffic(currentRange); }
    if (part === 'inbox') { loadInbox(); }
    if (part === 'retrain') { loadRetrain(); }
    if (part === 'quality') { loadQuality(); }
    if (part === 'try') { document.getElementById('try-input').focus(); }
    document.body.setAttribute('data-part', part);
  }

  // ---- Traffic -----------------------------------------------------------------------------------------------
  var currentRange = '24h';
  var palette = ['#2457c5', '#e07a1f', '#067647', '#b42318', '#7a3fc4', '#0e8a9a', '#8a6d00'];

  function series(map, label) {
    var names = Object.keys(map);
    var s = [{}];
    names.forEach(function (n, i) {
      s.push({ label: label ? label(n) : n, stroke: palette[i % palette.length], width: 2, spanGaps: false });
    });
    return { names: names, series: s };
  }

  function drawChart(target, x, map, opts) {
    var box = document.getElementById(target);
    clear(box);
    var s = series(map);
    var data = [x];
    s.names.forEach(function (n) { data.push(map[n]); });
    var width = Math.max(320, box.clientWidth || 800);
    var chart = new uPlot({
      width: width, height: 220, series: s.series,
      axes: [{}, { values: opts && opts.percent ? function (u, v) { return v.map(function (t) { return (t * 100).toFixed(0) + '%'; }); } : null }],
      scales: { x: { time: true }, y: opts && opts.percent ? { range: [0, 1] } : { auto: true } }
    }, data, box);
    box.setAttribute('data-series', String(s.names.length));
    box.setAttribute('data-points', String(x.length));
    charts.push(chart);
  }

  function loadTraffic(range) {
    currentRange = range;
    document.querySelectorAll('.range').forEach(function (b) { b.classList.toggle('active', b.getAttribute('data-range') === range); });
    api('GET', '/api/traffic?range=' + encodeURIComponent(range)).then(function (d) {
      charts.forEach(function (c) { c.destroy(); });
      charts = [];
      document.getElementById('traffic-totals').textContent = d.questions + ' questions, ' + d.fallbacks
        + ' fell back (' + (d.questions ? (100 * d.fallbacks / d.questions).toFixed(1) : '0.0') + ' %)';
      drawChart('chart-platform', d.x, d.byPlatform);
      drawChart('chart-language', d.x, d.byLanguage);
      drawChart('chart-fallback', d.x, d.fallbackRate, { percent: true });
      document.getElementById('traffic').setAttribute('data-loaded', range);
    }).catch(function (e) { say(e.message, true); });
  }

  // ---- Inbox -------------------------------------------------------------------------------------------------
  function loadInbox() {
    var box = document.getElementById('inbox-groups');
    api('GET', '/api/inbox').then(function (d) {
      clear(box);
      var note = document.getElementById('inbox-note');
      note.classList.toggle('hidden', d.canEdit);
      note.textContent = d.canEdit ? '' : 'Examples can only be added when reportbot runs with --intents DIR; dismissing works.';
      if (d.groups.length === 0) { box.appendChild(el('p', { text: 'Nothing to review: the inbox is empty.' })); }
      d.groups.forEach(function (g, i) { box.appendChild(groupView(g, i, d)); });
      document.getElementById('inbox').setAttribute('data-loaded', String(Date.now()));
    }).catch(function (e) { say(e.message, true); });
  }

  function groupView(g, index, d) {
    var box = el('div', { className: 'group', 'data-group': String(index) });
    var top = g.top.map(function (t) { return t.intent + ' ' + t.score.toFixed(2); }).join(' · ');
    box.appendChild(el('div', null, el('span', { className: 'count', text: g.count + ' ×' }),
      el('span', { className: 'top', text: 'nearest intents: ' + (top || '–') })));
    var list = el('ul');
    g.questions.forEach(function (q) {
      list.appendChild(el('li', null, el('span', { className: 'question', text: q.text }),
        el('span', { className: 'meta', text: q.language + ' · ' + q.platform })));
    });
    box.appendChild(list);

    var which = el('select', { className: 'which', 'aria-label': 'question to add' });
    g.questions.forEach(function (q, i) { which.appendChild(el('option', { value: String(i), text: q.text })); });
    var intent = el('select', { className: 'intent', 'aria-label': 'intent' });
    var preferred = (g.top.filter(function (t) { return t.intent !== 'out_of_scope'; })[0] || {}).intent;
    d.intents.filter(function (n) { return n !== 'out_of_scope'; }).forEach(function (n) {
      var o = el('option', { value: n, text: n });
      if (n === preferred) { o.selected = true; }
      intent.appendChild(o);
    });
    var add = el('button', { type: 'button', className: 'add primary', text: 'Add as example of' });
    var oos = el('button', { type: 'button', className: 'oos', text: 'This is out of scope' });
    var dismiss = el('button', { type: 'button', className: 'dismiss', text: 'Dismiss' });
    if (!d.canEdit) { add.disabled = true; oos.disabled = true; which.disabled = true; intent.disabled = true; }
    var result = el('div', { className: 'result' });
    box.appendChild(el('div', { className: 'actions' }, which, add, intent, oos, dismiss));
    box.appendChild(result);

    function act(action) {
      var q = g.questions[Number(which.value)] || g.questions[0];
      [add, oos, dismiss].forEach(function (b) { b.disabled = true; });
      api('POST', '/api/inbox', { action: action, ids: g.ids, text: q.text, language: q.language, intent: intent.value })
        .then(function (r) {
          result.textContent = r.message;
          box.classList.add('done');
          box.setAttribute('data-done', action);
        })
        .catch(function (e) {
          result.textContent = e.message;
          result.className = 'result error';
          [add, oos, dismiss].forEach(function (b) { b.disabled = !d.canEdit && b !== dismiss; });
        });
    }
    add.addEventListener('click', function () { act('add'); });
    oos.addEventListener('click', function () { act('out_of_scope'); });
    dismiss.addEventListener('click', function () { act('dismiss'); });
    return box;
  }

  // ---- Retrain and check -------------------------------------------------------------------------------------
  var polling = null;

  function loadRetrain() {
    api('GET', '/api/retrain').then(renderRetrain).catch(function (e) { say(e.message, true); });
  }

  function renderRetrain(d) {
    var button = document.getElementById('retrain-start');
    button.disabled = d.busy;
    var msg = document.getElementById('retrain-message');
    var broken = document.getElementById('retrain-broken');
    var sets = document.getElementById('retrain-sets');
    clear(broken);
    clear(sets);
    var o = d.outcome;
    document.getElementById('retrain').setAttribute('data-state', d.busy ? 'running' : (o && o.finished ? (o.swapped ? 'swapped' : 'kept') : 'idle'));
    if (!o) {
      msg.textContent = d.sets.length + ' labelled sets: ' + d.sets.join(', ') + (d.skipped.length ? ' (skipped: ' + d.skipped.join(', ') + ')' : '');
      return;
    }
    msg.textContent = o.message;
    msg.className = o.finished && !o.swapped ? 'error' : '';
    o.broken.forEach(function (b) { broken.appendChild(el('li', { className: 'worse', text: b })); });
    o.sets.forEach(function (s) { sets.appendChild(setView(s)); });
    if (d.busy && !polling) {
      polling = setTimeout(function () { polling = null; loadRetrain(); }, 700);
    }
  }

  function delta(before, after) {
    if (before === null || before === undefined) { return el('td', { text: '' }); }
    var dlt = after - before;
    var cls = Math.abs(dlt) < 1e-9 ? '' : (dlt > 0 ? 'better' : 'worse');
    return el('td', { className: cls, text: (dlt > 0 ? '+' : '') + (dlt * 100).toFixed(1) });
  }

  function setView(s) {
    var box = el('div', { className: 'setresult', 'data-set': s.set });
    box.appendChild(el('h3', { text: s.set }));
    var t = el('table', null, el('thead', null, el('tr', null, el('th', { text: 'figure' }), el('th', { text: 'before' }),
      el('th', { text: 'after' }), el('th', { text: 'Δ points' }))));
    var body = el('tbody');
    [['accuracy', 'accuracy'], ['inScopeAccuracy', 'in-scope accuracy'], ['outOfScopeRejection', 'out-of-scope rejection'],
      ['languageAccuracy', 'language accuracy'], ['answerAccuracy', 'answers with the expected figures']].forEach(function (f) {
      var b = s.before ? s.before[f[0]] : null;
      var a = s.after[f[0]];
      body.appendChild(el('tr', null, el('td', { text: f[1] }), el('td', { text: pct(b) }), el('td', { text: pct(a) }), delta(b, a)));
    });
    t.appendChild(body);
    box.appendChild(t);
    var changed = s.intents.filter(function (i) { return i.before === null || Math.abs(i.after - i.before) > 1e-9; });
    var details = el('details', null, el('summary', { text: 'F1 per intent (' + changed.length + ' changed)' }));
    var it = el('table', null, el('thead', null, el('tr', null, el('th', { text: 'intent' }), el('th', { text: 'F1 before' }),
      el('th', { text: 'F1 after' }), el('th', { text: 'Δ' }))));
    var ib = el('tbody');
    s.intents.forEach(function (i) {
      ib.appendChild(el('tr', null, el('td', { text: i.intent }), el('td', { text: num(i.before) }), el('td', { text: num(i.after) }), delta(i.before, i.after)));
    });
    it.appendChild(ib);
    details.appendChild(it);
    box.appendChild(details);
    if (s.worse.length) {
      var w = el('ul', { className: 'worse-questions' });
      s.worse.forEach(function (q) { w.appendChild(el('li', { className: 'worse', text: q.text + ' (expected ' + q.expected + ')' })); });
      box.appendChild(el('p', { text: 'Questions that got worse:' }));
      box.appendChild(w);
    } else {
      box.appendChild(el('p', { className: 'better no-regression', text: 'No question got worse.' }));
    }
    return box;
  }

  function startRetrain() {
    document.getElementById('retrain-start').disabled = true;
    api('POST', '/api/retrain', {}).then(loadRetrain).catch(function (e) { say(e.message, true); loadRetrain(); });
  }

  // ---- Quality -----------------------------------------------------------------------------------------------
  function loadQuality(set) {
    api('GET', '/api/quality' + (set ? '?set=' + encodeURIComponent(set) : '')).then(function (d) {
      var select = document.getElementById('quality-set');
      if (select.options.length !== d.sets.length) {
        clear(select);
        d.sets.forEach(function (n) { select.appendChild(el('option', { value: n, text: n })); });
      }
      var figures = document.getElementById('quality-figures');
      var tbody = document.querySelector('#quality-table tbody');
      var heat = document.getElementById('heatmap');
      clear(tbody);
      clear(heat);
      if (!d.ready) {
        figures.textContent = d.sets.length ? 'Measuring the running engine…' : 'No labelled sets: start with --eval-dir DIR.';
        if (d.sets.length) { setTimeout(function () { loadQuality(set); }, 800); }
        return;
      }
      select.value = d.set;
      var f = d.figures;
      figures.textContent = f.questions + ' questions: accuracy ' + pct(f.accuracy) + ', in scope ' + pct(f.inScopeAccuracy)
        + ', out-of-scope rejection ' + pct(f.outOfScopeRejection) + ' (measured ' + new Date(d.measuredAt).toLocaleString() + ')';
      Object.keys(d.perIntent).forEach(function (k) {
        var s = d.perIntent[k];
        tbody.appendChild(el('tr', null, el('td', { text: k }), el('td', { text: String(s.support) }),
          el('td', { text: num(s.precision) }), el('td', { text: num(s.recall) }), el('td', { text: num(s.f1) })));
      });
      var head = el('tr', null, el('th', { text: '' }));
      d.labels.forEach(function (l) { head.appendChild(el('th', { className: 'col', text: l })); });
      heat.appendChild(el('thead', null, head));
      var hb = el('tbody');
      d.matrix.forEach(function (row, i) {
        var tr = el('tr', null, el('th', { text: d.labels[i] }));
        var total = row.reduce(function (a, b) { return a + b; }, 0);
        row.forEach(function (n, j) {
          // the colour is the share of the row (of the questions expecting that intent), so small intents show too
          var level = n === 0 ? 0 : Math.max(1, Math.round(9 * n / Math.max(1, total)));
          tr.appendChild(el('td', { className: 'heat-' + level + (i === j ? ' diag' : ''), title: d.labels[i] + ' → ' + d.labels[j], text: String(n) }));
        });
        hb.appendChild(tr);
      });
      heat.appendChild(hb);
      document.getElementById('quality').setAttribute('data-loaded', d.set);
    }).catch(function (e) { say(e.message, true); });
  }

  // ---- Try it ------------------------------------------------------------------------------------------------
  function ask(ev) {
    ev.preventDefault();
    var input = document.getElementById('try-input');
    var text = input.value;
    if (!text.trim()) { return; }
    var chat = document.getElementById('chat');
    chat.appendChild(el('div', { className: 'msg user', text: text }));
    input.value = '';
    api('POST', '/api/try', { text: text }).then(function (r) {
      chat.appendChild(el('div', { className: 'msg bot', text: r.text }));
      var top = r.top.map(function (t) { return t.intent + ' ' + t.score.toFixed(2); }).join(', ');
      chat.appendChild(el('div', { className: 'debug', 'data-intent': r.intent,
        text: '[' + r.language + '] intent=' + r.intent + ' confidence=' + r.confidence.toFixed(2)
          + (r.fallback ? ' fallback' : '') + (top ? ' top: ' + top : '') }));
      chat.scrollTop = chat.scrollHeight;
    }).catch(function (e) { say(e.message, true); });
  }

  // ---- wiring ------------------------------------------------------------------------------------------------
  document.querySelectorAll('.tab').forEach(function (b) {
    b.addEventListener('click', function () { show(b.getAttribute('data-part')); });
  });
  document.querySelectorAll('.range').forEach(function (b) {
    b.addEventListener('click', function () { loadTraffic(b.getAttribute('data-range')); });
  });
  document.getElementById('retrain-start').addEventListener('click', startRetrain);
  document.getElementById('quality-set').addEventListener('change', function (e) { loadQuality(e.target.value); });
  document.getElementById('try-form').addEventListener('submit', ask);
  document.getElementById('logout').addEventListener('click', function () {
    api('POST', '/logout', {}).then(function () { window.location.assign('/login'); });
  });
  show('traffic');
}());
