// selfreg device page: one device's certification checklist (GET /api/devices/{imei}/checks), each verdict
// with the records behind it, reloaded when the platform commits something new. Every value comes from
// devices and is untrusted, so it is only ever inserted as text.
'use strict';

(() => {
  const RELOAD_MS = 500;
  const RECONNECT_MS = 3000;

  const access = window.selfregAccess;
  const imei = decodeURIComponent(location.pathname.split('/').pop());
  let reloading = null;

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value != null && value !== false) {
        node.setAttribute(name, String(value));
      }
    }
    for (const child of children.flat(Infinity)) {
      if (child != null) {
        node.append(child instanceof Node ? child : document.createTextNode(String(child)));
      }
    }
    return node;
  }

  const VERDICT_KIND = { pass: 'ok', fail: 'bad', warn: 'warn', 'not-observed': 'muted' };
  const verdictLabel = code => code.replace('-', ' ');
  const badge = code => el('span', { class: 'badge badge-' + (VERDICT_KIND[code] || 'neutral') }, verdictLabel(code));
  const anchor = ref => 'record-' + ref.replace(/[^A-Za-z0-9]+/g, '-');

  function time(iso) {
    return el('time', { datetime: iso, title: iso, class: 'time' }, new Date(iso).toLocaleString([], { hour12: false }));
  }

  async function load() {
    const response = await fetch('/api/devices/' + encodeURIComponent(imei) + '/checks',
      { headers: access.headers() });
    if (response.status === 401) {
      access.lockedOut();
      return;
    }
    const body = await response.json();
    if (!response.ok) {
      document.getElementById('device-meta').textContent = body.error || ('HTTP ' + response.status);
      return;
    }
    render(body);
  }

  function render(list) {
    document.title = 'selfreg · device ' + list.imei;
    document.getElementById('device-imei').textContent = list.imei;
    document.getElementById('device-verdict').replaceWith(Object.assign(badge(list.verdict), { id: 'device-verdict' }));
    const c = list.counts;
    document.getElementById('device-counts').textContent =
      c.pass + ' pass · ' + c.fail + ' fail · ' + c.warn + ' warn · ' + c['not-observed'] + ' not observed';
    document.getElementById('device-meta').textContent =
      'Judged as ' + list.product + ', on what the platform observed until ' + new Date(list.observedUntil).toLocaleString([], { hour12: false }) + '.';
    document.querySelector('#checklist tbody').replaceChildren(...list.checks.map(check =>
      el('tr', { 'data-rule': check.id, 'data-verdict': check.verdict },
        el('td', {},
          el('div', {}, el('strong', {}, check.id), ' ', check.rule),
          el('div', { class: 'sub' }, check.source + ' · ' + check.severity)),
        el('td', { class: 'nowrap' }, badge(check.verdict)),
        el('td', {},
          el('div', {}, check.summary),
          check.evidence.length === 0 ? null : el('ul', { class: 'evidence' },
            check.evidence.map(e => el('li', {},
              el('a', { class: 'mono', href: '#' + anchor(e.ref) }, e.ref), ' ', time(e.time), ' ', e.detail)))))));
    document.querySelector('#records tbody').replaceChildren(...list.records.map(r =>
      el('tr', { id: anchor(r.ref) },
        el('td', { class: 'mono nowrap' }, r.ref),
        el('td', {}, time(r.time)),
        el('td', {}, el('span', { class: 'tag tag-' + r.channel.toLowerCase() }, r.channel)),
        el('td', {}, r.summary))));
    document.getElementById('records-count').textContent = String(list.records.length);
  }

  function setLive(state, label) {
    document.getElementById('live').dataset.state = state;
    document.getElementById('live-text').textContent = label;
  }

  /** A commit may change a verdict: reload, at most every RELOAD_MS. */
  function changed() {
    if (!reloading) {
      reloading = setTimeout(() => {
        reloading = null;
        load();
      }, RELOAD_MS);
    }
  }

  function connect() {
    const stream = new EventSource(access.liveUrl());
    stream.addEventListener('ready', () => {
      setLive('live', 'Live');
      load();
    });
    for (const kind of ['ct-registration', 'ct-rejection', 'dm-device', 'dm-event']) {
      stream.addEventListener(kind, changed);
    }
    stream.onerror = () => {
      if (stream.readyState === EventSource.CLOSED) {
        setLive('error', 'Disconnected');
        setTimeout(connect, RECONNECT_MS);
      } else {
        setLive('connecting', 'Reconnecting');
      }
    };
  }

  document.addEventListener('DOMContentLoaded', () => {
    document.getElementById('device-imei').textContent = imei;
    connect();
  });
})();
