// Keeps the retro board current: every change anyone makes arrives as a server-sent event (ids and
// types only, never content) and the board is fetched again. What someone is typing, ticking or has
// opened inside the board survives the refresh, and so do the focus and the caret.
(function () {
  const main = document.querySelector('[data-retro-id]');
  if (!main) return;
  const retroId = encodeURIComponent(main.dataset.retroId);
  let pending = false;
  let loading = false;
  let sending = 0;
  let focusedId = null;
  let latestChange = -1;
  let retryDelay = 250;

  const board = () => document.getElementById('board');

  function keptState(root) {
    const values = {};
    root.querySelectorAll('[data-keep][id]').forEach(el => {
      values[el.id] = el.type === 'checkbox' ? el.checked : el.value;
    });
    const ticked = [...root.querySelectorAll('input[name=itemIds]:checked')].map(el => el.id);
    const open = [...root.querySelectorAll('details[open] > summary[id]')].map(el => el.id);
    const active = document.activeElement;
    const caret = active && typeof active.selectionStart === 'number'
      ? [active.selectionStart, active.selectionEnd] : null;
    return { values, ticked, open, focus: active && root.contains(active) ? active.id : null, caret };
  }

  function restore(root, state) {
    const byId = id => root.querySelector('#' + CSS.escape(id));
    Object.entries(state.values).forEach(([id, value]) => {
      const el = byId(id);
      if (!el) return;
      if (el.type === 'checkbox') el.checked = value; else el.value = value;
    });
    state.ticked.forEach(id => { const el = byId(id); if (el) el.checked = true; });
    state.open.forEach(id => { const el = byId(id); if (el) el.parentElement.open = true; });
    const focused = state.focus && byId(state.focus);
    if (focused) {
      focused.focus();
      if (state.caret && typeof focused.setSelectionRange === 'function') {
        try { focused.setSelectionRange(state.caret[0], state.caret[1]); } catch (e) { /* not a text field */ }
      }
    }
  }

  async function refresh() {
    // While a form of this page is on its way, its own answer brings the fresh board; refresh after it.
    if (loading || sending > 0) { pending = true; return; }
    pending = false;
    loading = true;
    try {
      const response = await fetch('/retros/' + retroId + '/board', { headers: { 'Accept': 'text/html' }, credentials: 'same-origin' });
      if (!response.ok) return;
      const template = document.createElement('template');
      template.innerHTML = (await response.text()).trim();
      const fresh = template.content.querySelector('#board');
      const current = board();
      if (!fresh || !current || sending > 0) { pending = true; return; }
      const state = keptState(current);
      current.replaceWith(fresh);
      restore(fresh, state);
      if (window.htmx) window.htmx.process(fresh);
      // A read that waited for the read model in vain shows an older board: ask again shortly.
      if (Number(fresh.dataset.version) < latestChange) {
        pending = true;
        retryDelay = Math.min(retryDelay * 2, 5000);
      } else {
        retryDelay = 250;
      }
    } catch (e) {
      pending = true;
      retryDelay = Math.min(retryDelay * 2, 5000);
    } finally {
      loading = false;
      if (pending) setTimeout(refresh, retryDelay);
    }
  }

  // After a form is sent in the background, put the focus back where it was, so keyboard users keep their place.
  document.addEventListener('htmx:beforeRequest', () => {
    sending++;
    focusedId = document.activeElement && document.activeElement.id;
  });
  document.addEventListener('htmx:afterRequest', () => { sending = Math.max(0, sending - 1); });
  document.addEventListener('htmx:afterSettle', () => {
    const el = focusedId && document.getElementById(focusedId);
    if (el) el.focus();
    if (pending) refresh();
  });

  // The browser reconnects a dropped stream by itself, but gives up for good when an attempt is
  // answered with an error status (a restarting node, a slow start): then open a new one.
  let lost = false;
  function connect() {
    const source = new EventSource('/retros/' + retroId + '/stream');
    source.addEventListener('board-changed', event => {
      latestChange = Math.max(latestChange, Number(event.lastEventId) || 0);
      refresh();
    });
    source.onopen = () => {
      main.dataset.live = 'connected';
      // Changes made while the connection was down were not sent: fetch the board once to catch up.
      if (lost) { lost = false; refresh(); }
    };
    source.onerror = () => {
      main.dataset.live = 'reconnecting';
      lost = true;
      if (source.readyState === EventSource.CLOSED) setTimeout(connect, 2000);
    };
  }
  connect();
})();
