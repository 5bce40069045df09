// The platform's access token for this tab, shared by the dashboard and the device pages: it arrives
// once in the address (?token=), is kept for this tab only and taken out of the address bar.
'use strict';

window.selfregAccess = (() => {
  const TOKEN_KEY = 'selfreg.token';
  const params = new URLSearchParams(location.search);
  if (params.has('token')) {
    sessionStorage.setItem(TOKEN_KEY, params.get('token'));
    params.delete('token');
    const rest = params.toString();
    history.replaceState(null, '', location.pathname + (rest ? '?' + rest : '') + location.hash);
  }
  const token = sessionStorage.getItem(TOKEN_KEY);
  return {
    /** Headers for a REST request. */
    headers: () => (token ? { Authorization: 'Bearer ' + token } : {}),
    /** The live stream's address: EventSource cannot set a header. */
    liveUrl: () => '/api/live' + (token ? '?token=' + encodeURIComponent(token) : ''),
    /** The token is missing or no longer valid (a restarted platform generates a new one). */
    lockedOut: () => {
      sessionStorage.removeItem(TOKEN_KEY);
      location.replace('/');
    },
  };
})();
