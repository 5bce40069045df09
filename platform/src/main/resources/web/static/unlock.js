// The page served instead of the dashboard when a request has no valid token. A tab that already
// holds a token (a reload) goes straight back; a token the server refused is forgotten.
'use strict';

(() => {
  const TOKEN_KEY = 'selfreg.token';
  const refused = new URLSearchParams(location.search).has('token');
  const stored = sessionStorage.getItem(TOKEN_KEY);
  if (refused) {
    sessionStorage.removeItem(TOKEN_KEY);
    history.replaceState(null, '', location.pathname);
  } else if (stored) {
    location.replace('/?token=' + encodeURIComponent(stored));
    return;
  }
  document.addEventListener('DOMContentLoaded', () => {
    document.getElementById('rejected').hidden = !refused;
    document.getElementById('token').focus();
  });
})();
