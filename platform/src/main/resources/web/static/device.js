// selfreg device page: one device's certification checklist (GET /api/devices/{imei}/checks), each verdict
// with the records behind it, and its messages on the wire (GET /api/devices/{imei}/timeline), decoded, each
// with its bytes as a hex dump one click away; reloaded when the platform commits something new. Every value
// comes from devices and is untrusted, so it is only ever inserted as text.
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

  const base = () => '/api/devices/' + encodeURIComponent(imei);

  function load() {
    fetchInto('/checks', 'device-meta', render);
    fetchInto('/timeline', 'wire-meta', renderTimeline);
  }

  /** Fetches one of the device's resources and renders it; an error is shown in the panel's line metaId. */
  async function fetchInto(path, metaId, renderer) {
    const response = await fetch(base() + path, { headers: access.headers() });
    if (response.status === 401) {
      access.lockedOut();
      return;
    }
    const body = await response.json();
    if (!response.ok) {
      document.getElementById(metaId).textContent = body.error || ('HTTP ' + response.status);
      return;
    }
    renderer(body);
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

  const DIRECTION = { 'device-to-platform': 'device → platform', 'platform-to-device': 'platform → device' };

  /** 16 bytes a line: offset, bytes in hex, the printable ones as ASCII. */
  function hexdump(hex) {
    const lines = [];
    for (let at = 0; at < hex.length; at += 32) {
      const bytes = hex.slice(at, at + 32).match(/../g);
      const ascii = bytes.map(b => {
        const c = parseInt(b, 16);
        return c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : '.';
      }).join('');
      lines.push((at / 2).toString(16).padStart(4, '0') + '  ' + bytes.join(' ').padEnd(47) + '  ' + ascii);
    }
    return lines.join('\n');
  }

  function renderTimeline(timeline) {
    const open = new Set([...document.querySelectorAll('#wire-timeline details[open]')].map(d => d.dataset.number));
    document.getElementById('wire-count').textContent = String(timeline.messages.length);
    document.getElementById('wire-empty').hidden = timeline.messages.length > 0;
    document.getElementById('wire-meta').textContent = timeline.dropped === 0
      ? 'Every datagram and HTTP exchange of this device since the platform started, in order.'
      : timeline.dropped + ' older entries dropped: the platform keeps the last ' + timeline.perDevice
        + ' datagrams or HTTP exchanges of each device and ' + timeline.total + ' of all devices together.';
    document.getElementById('wire-timeline').replaceChildren(...timeline.messages.map(m =>
      el('li', { id: 'message-' + m.number, class: 'wire-message', 'data-kind': m.kind, 'data-direction': m.direction,
                 'data-retransmission': m.retransmissionOf != null },
        el('div', { class: 'wire-head' },
          el('span', { class: 'mono muted' }, '#' + m.number),
          time(m.time),
          el('span', { class: 'tag tag-' + (m.listener === 'dm' ? 'dm' : 'ct') }, m.listener),
          el('span', { class: 'arrow', title: m.from + ' → ' + m.to }, DIRECTION[m.direction] || m.direction),
          el('span', { class: 'summary' }, m.summary),
          m.retransmissionOf == null ? null : el('span', { class: 'badge badge-warn' },
            el('a', { href: '#message-' + m.retransmissionOf }, 'retransmission of #' + m.retransmissionOf)),
          m.answers == null ? null : el('a', { class: 'sub', href: '#message-' + m.answers }, 'answers #' + m.answers)),
        m.fields.length === 0 ? null : el('dl', { class: 'wire-fields' },
          m.fields.map(f => [el('dt', {}, f.name), el('dd', {}, f.value)])),
        el('details', { class: 'wire-raw', 'data-number': m.number, open: open.has(String(m.number)) },
          el('summary', {}, 'Raw bytes (' + m.length + ')'),
          el('pre', { class: 'hexdump' }, hexdump(m.hex))))));
  }

  /** With a token the file is fetched with it (a link cannot send the header) and handed over as a blob. */
  async function download(event) {
    if (!access.headers().Authorization) {
      return;
    }
    event.preventDefault();
    const response = await fetch(base() + '/capture.pcapng', { headers: access.headers() });
    if (response.status === 401) {
      access.lockedOut();
      return;
    }
    const url = URL.createObjectURL(await response.blob());
    const link = el('a', { href: url, download: imei + '.pcapng' });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), RELOAD_MS);
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
    const link = document.getElementById('wire-download');
    link.href = base() + '/capture.pcapng';
    link.download = imei + '.pcapng';
    link.addEventListener('click', download);
    connect();
  });
})();
