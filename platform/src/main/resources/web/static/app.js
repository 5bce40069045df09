// selfreg dashboard: loads the platform's records from its REST API, then follows the live
// stream. Every value comes from devices and is untrusted, so it is only ever inserted as
// text (textContent, setAttribute), never parsed as HTML.
'use strict';

(() => {
  const LIMIT = 100;
  const TIMELINE_LIMIT = 60;
  const FRESH_MS = 4000;
  const RECONNECT_MS = 3000;

  /** Object 666 resources (cmcc-dm-wire.md). */
  const TERMINAL_INFO = {
    6601: 'type', 6602: 'APPInfo', 6603: 'MAC', 6604: 'ROM', 6605: 'RAM', 6606: 'CPU', 6607: 'osSysVer',
    6608: 'swVer', 6609: 'swName', 6610: 'VoLTE', 6611: 'netType', 6612: 'account', 6613: 'phoneNum',
    6614: 'location',
  };
  const TML_TYPES = { '0': 'interface', '1': 'Linux', '2': 'Android' };

  const access = window.selfregAccess;

  /** Each list: how to key, order and search its items, mirroring the REST API. */
  const lists = {
    registrations: {
      path: '/api/ct/registrations', key: r => 'r' + r.id, order: (a, b) => b.id - a.id,
      fields: r => [r.imei, r.imsi, r.iccid],
    },
    rejections: {
      path: '/api/ct/rejections', key: r => 'x' + r.id, order: (a, b) => b.id - a.id,
      fields: r => [r.peer, r.reason, r.detail, r.body],
    },
    devices: {
      path: '/api/dm/devices', key: d => 'd' + d.endpoint,
      order: (a, b) => (b.lastUpdate || '').localeCompare(a.lastUpdate || '') || a.endpoint.localeCompare(b.endpoint),
      fields: d => [d.endpoint, d.imei, d.imsi],
    },
    events: {
      path: '/api/dm/events', key: e => 'e' + e.id, order: (a, b) => b.id - a.id,
      fields: e => [e.endpoint, e.imei],
    },
  };
  for (const list of Object.values(lists)) {
    list.items = new Map();
  }
  const fresh = new Set();
  let search = '';
  let loadGeneration = 0;
  /** Records received while a load is in flight, re-applied over its result (it may predate them). */
  let receivedDuringLoad = null;

  // ---- talking to the platform ----

  async function getJson(path) {
    const response = await fetch(path, { headers: access.headers() });
    if (response.status === 401) {
      access.lockedOut();
      throw new Error('token not accepted');
    }
    if (!response.ok) {
      throw new Error(path + ': HTTP ' + response.status);
    }
    return response.json();
  }


  async function loadAll() {
    const generation = ++loadGeneration;
    receivedDuringLoad = [];
    const query = '?limit=' + LIMIT + (search ? '&q=' + encodeURIComponent(search) : '');
    try {
      const results = await Promise.all(Object.values(lists).map(list => getJson(list.path + query)));
      if (generation !== loadGeneration) {
        return; // a newer search started meanwhile
      }
      Object.values(lists).forEach((list, i) => {
        list.items = new Map(results[i].map(item => [list.key(item), item]));
      });
      receivedDuringLoad.forEach(([list, item]) => list.items.set(list.key(item), item));
      receivedDuringLoad = null;
      render();
    } catch (e) {
      if (generation === loadGeneration) {
        receivedDuringLoad = null;
        setLive('error', 'Cannot load: ' + e.message);
      }
    }
  }

  function connect() {
    const stream = new EventSource(access.liveUrl());
    // Subscribed: load the lists now, so nothing committed in between is missed.
    stream.addEventListener('ready', () => {
      setLive('live', 'Live');
      loadAll();
    });
    stream.addEventListener('ct-registration', e => receive(lists.registrations, e));
    stream.addEventListener('ct-rejection', e => receive(lists.rejections, e));
    stream.addEventListener('dm-device', e => receive(lists.devices, e));
    stream.addEventListener('dm-event', e => receive(lists.events, e));
    stream.onerror = () => {
      if (stream.readyState === EventSource.CLOSED) {
        // Refused outright (e.g. a new token after a restart): check access, then try again.
        setLive('error', 'Disconnected');
        setTimeout(() => getJson('/api/dm/events?limit=1').then(connect, () => setTimeout(connect, RECONNECT_MS)),
          RECONNECT_MS);
      } else {
        setLive('connecting', 'Reconnecting');
      }
    };
  }

  function receive(list, event) {
    const item = JSON.parse(event.data);
    if (!matches(list, item)) {
      return;
    }
    const key = list.key(item);
    list.items.set(key, item);
    if (receivedDuringLoad) {
      receivedDuringLoad.push([list, item]);
    }
    fresh.add(key);
    setTimeout(() => fresh.delete(key), FRESH_MS);
    render();
  }

  function matches(list, item) {
    if (!search) {
      return true;
    }
    const needle = search.toLowerCase();
    return list.fields(item).some(field => field != null && String(field).toLowerCase().includes(needle));
  }

  function sorted(list, limit) {
    return [...list.items.values()].sort(list.order).slice(0, limit);
  }

  // ---- rendering: DOM nodes and text only ----

  /** An element with attributes and children; a string child becomes a text node. */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value != null && value !== false) {
        node.setAttribute(name, value === true ? '' : String(value));
      }
    }
    for (const child of children.flat(Infinity)) {
      if (child != null) {
        node.append(child instanceof Node ? child : document.createTextNode(String(child)));
      }
    }
    return node;
  }

  const dash = '—';
  const text = value => (value == null || value === '' ? dash : String(value));
  const mono = value => el('span', { class: 'mono' }, text(value));

  /** The IMEI as a link to its device page (the certification checklist); plain text when it is not one. */
  function deviceLink(imei, attributes) {
    if (imei == null || !/^[0-9]{1,17}$/.test(String(imei))) {
      return el('span', attributes || { class: 'mono' }, text(imei));
    }
    const base = (attributes && attributes.class) || 'mono';
    return el('a', { class: base + ' device', title: 'certification checks of ' + imei, href: '/devices/' + imei },
      String(imei));
  }

  /** The IMEI a refused report's body names, when it is Base64 of a JSON object at all. */
  function rejectedImei(body) {
    try {
      const report = JSON.parse(atob(String(body).trim()).replace(/\u0000+$/, ''));
      return report.IMEI1 || report.MEID || null;
    } catch (e) {
      return null;
    }
  }

  function time(iso) {
    if (!iso) {
      return el('span', { class: 'muted' }, dash);
    }
    const date = new Date(iso);
    const today = new Date().toDateString() === date.toDateString();
    const clock = date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
    const shown = today ? clock : date.toLocaleDateString([], { month: 'short', day: 'numeric' }) + ' ' + clock;
    return el('time', { datetime: iso, title: iso, class: 'time' }, shown);
  }

  function duration(seconds) {
    if (seconds == null) {
      return dash;
    }
    const units = [[86400, 'd'], [3600, 'h'], [60, 'min'], [1, 's']];
    for (const [size, unit] of units) {
      if (seconds >= size && seconds % size === 0) {
        return (seconds / size) + ' ' + unit;
      }
    }
    return seconds + ' s';
  }

  function badge(value, kind) {
    return el('span', { class: 'badge badge-' + kind }, text(value));
  }

  const stateKind = { registered: 'ok', deregistered: 'muted', expired: 'warn' };
  const outcomeKind = { ok: 'ok', flagged: 'warn', failed: 'bad' };

  // the placeholder says "Loading…" until the first data arrives, then what an empty list means
  function showEmpty(id, empty) {
    const placeholder = document.getElementById(id);
    placeholder.textContent = placeholder.dataset.empty;
    placeholder.hidden = !empty;
  }

  function fill(list, tableId, rowOf) {
    const items = sorted(list, LIMIT);
    const body = document.querySelector('#' + tableId + ' tbody');
    body.replaceChildren(...items.map(item => {
      const row = rowOf(item);
      row.dataset.key = list.key(item);
      if (fresh.has(list.key(item))) {
        row.classList.add('fresh');
      }
      return row;
    }));
    showEmpty(tableId + '-empty', items.length === 0);
    document.getElementById(tableId + '-count').textContent = String(items.length);
  }

  function registrationRow(r) {
    return el('tr', {},
      el('td', {}, time(r.time)),
      el('td', {}, deviceLink(r.imei)),
      el('td', {}, mono(r.imsi)),
      el('td', {}, mono(r.iccid)),
      el('td', {}, text(r.model)),
      el('td', {}, mono(r.swver)),
      el('td', {}, el('div', { class: 'center' }, text(r.regver)), dialect(r)),
      el('td', { title: r.peer ? 'from ' + r.peer : null }, badge(r.transport, 'neutral')));
  }

  /** The wire dialect a record was seen in (ct-zzhc-wire.md, cmcc-dm-wire.md), its code on hover. */
  function dialect(record) {
    return record.dialectLabel
      ? el('div', { class: 'sub dialect', title: 'dialect ' + record.dialect }, record.dialectLabel)
      : null;
  }

  function deviceRow(d) {
    return el('tr', {},
      el('td', {},
        el('div', { class: 'strong' }, deviceLink(d.imei)),
        el('div', { class: 'sub mono' }, 'IMSI ' + text(d.imsi)),
        el('div', { class: 'sub mono endpoint', title: d.endpoint }, d.endpoint)),
      el('td', { class: 'nowrap' },
        el('div', {}, mono(d.appkey), d.appkeyKnown ? null : [' ', badge('unknown', 'warn')]),
        el('div', { class: 'sub' }, text(TML_TYPES[d.tmlType] || d.tmlType)),
        dialect(d)),
      el('td', { class: 'nowrap' },
        badge(d.state, stateKind[d.state] || 'neutral'),
        el('div', { class: 'sub', title: d.lifetime + ' s' }, 'lifetime ' + duration(d.lifetime)),
        el('div', { class: 'sub' }, 'updated ', time(d.lastUpdate))),
      el('td', {}, terminalInfo(d.terminalInfo)));
  }

  /** Object 666 values that are set, as name/value pairs; NULL is how the module marks an unset value. */
  function terminalInfo(values) {
    const entries = Object.entries(values || {});
    if (entries.length === 0) {
      return el('span', { class: 'muted' }, 'not read yet');
    }
    const set = entries.filter(([, value]) => value !== 'NULL');
    const unset = entries.length - set.length;
    return el('dl', { class: 'info' },
      set.map(([id, value]) => el('div', { class: 'pair' },
        el('dt', { title: 'resource ' + id }, TERMINAL_INFO[id] || id),
        el('dd', {}, value))),
      unset > 0 ? el('div', { class: 'pair muted' }, unset + ' unset') : null);
  }

  function rejectionRow(r) {
    return el('tr', {},
      el('td', {}, time(r.time)),
      el('td', { class: 'center' }, badge(r.resultCode, 'bad')),
      el('td', {},
        el('div', { class: 'strong' }, text(r.reason)),
        r.detail ? el('div', { class: 'sub' }, r.detail) : null,
        dialect(r),
        el('div', { class: 'sub mono', title: r.body }, text(r.transport) + ' from ' + text(r.peer),
          rejectedImei(r.body) ? [' · IMEI ', deviceLink(rejectedImei(r.body))] : null)));
  }

  /** CT registrations and rejections and DM events, newest first. */
  function renderTimeline() {
    const entries = [
      ...sorted(lists.registrations, TIMELINE_LIMIT).map(r => ({
        time: r.time, key: lists.registrations.key(r), tag: ['CT', 'ct'], status: ['registered', 'ok'],
        title: text(r.imei), detail: [r.model, r.swver, r.transport].filter(Boolean).join(' · '),
      })),
      ...sorted(lists.rejections, TIMELINE_LIMIT).map(r => ({
        time: r.time, key: lists.rejections.key(r), tag: ['CT', 'ct'], status: ['rejected', 'bad'],
        title: text(r.reason), plain: true, detail: r.detail,
      })),
      ...sorted(lists.events, TIMELINE_LIMIT).map(e => ({
        time: e.time, key: lists.events.key(e), tag: ['DM', 'dm'],
        status: [e.kind, outcomeKind[e.outcome] || 'neutral'],
        title: text(e.imei), detail: [e.reason, e.dialectLabel].filter(Boolean).join(' · '),
      })),
    ].sort((a, b) => (b.time || '').localeCompare(a.time || '')).slice(0, TIMELINE_LIMIT);

    document.getElementById('timeline').replaceChildren(...entries.map(entry =>
      el('li', { class: fresh.has(entry.key) ? 'fresh' : null, 'data-key': entry.key },
        time(entry.time),
        el('span', { class: 'tag tag-' + entry.tag[1] }, entry.tag[0]),
        badge(entry.status[0], entry.status[1]),
        entry.plain ? el('span', { class: 'what strong' }, entry.title)
          : deviceLink(entry.title === dash ? null : entry.title, { class: 'what mono' }),
        entry.detail ? el('span', { class: 'detail sub' }, entry.detail) : null)));
    showEmpty('timeline-empty', entries.length === 0);
    document.getElementById('timeline-count').textContent = String(entries.length);
  }

  function render() {
    fill(lists.registrations, 'ct-registrations', registrationRow);
    fill(lists.devices, 'dm-devices', deviceRow);
    fill(lists.rejections, 'ct-rejections', rejectionRow);
    renderTimeline();
  }

  function setLive(state, label) {
    document.getElementById('live').dataset.state = state;
    document.getElementById('live-text').textContent = label;
  }

  // ---- start ----

  document.addEventListener('DOMContentLoaded', () => {
    const input = document.getElementById('search');
    let typing = null;
    input.addEventListener('input', () => {
      clearTimeout(typing);
      typing = setTimeout(() => {
        search = input.value.trim();
        loadAll();
      }, 250);
    });
    document.getElementById('search-form').addEventListener('submit', e => e.preventDefault());
    // Relative times ("today" or a date) change at midnight; re-render once a minute.
    setInterval(render, 60000);
    render();
    connect();
  });
})();
