// google.script.run for the local dev server, injected into the sidebar page before its own
// script: the same promise-less, callback API as Apps Script — immutable runners (each with…
// returns a new one), asynchronous calls, JSON values only, a failure handler receiving an Error —
// bridged to the server's /api/call, which runs the built add-on bundle in the local runtime.
(() => {
  function runner(success, failure, userObject) {
    const target = {
      withSuccessHandler: (fn) => runner(fn, failure, userObject),
      withFailureHandler: (fn) => runner(success, fn, userObject),
      withUserObject: (obj) => runner(success, failure, obj),
    };
    return new Proxy(target, {
      get(t, name) {
        if (name in t) return t[name];
        if (typeof name !== 'string') return undefined;
        return (...args) => {
          fetch('/api/call', {
            method: 'POST',
            // The session token the server put in this page: the server answers no call without it.
            headers: {
              'content-type': 'application/json',
              'x-club-pulse-token': window.__CLUB_PULSE_TOKEN__,
            },
            body: JSON.stringify({ name, args }),
          })
            .then((response) => response.json().catch(() => ({ ok: false, message: response.statusText })))
            .then((answer) => {
              // The page beside the sidebar redraws the workbook after a change.
              if (answer.changed && window.parent !== window)
                window.parent.postMessage('club-pulse:changed', '*');
              if (answer.ok) {
                if (success) success(answer.value, userObject);
              } else if (failure) failure(new Error(answer.message), userObject);
              else console.error(answer.message);
            })
            .catch((error) => {
              if (failure) failure(new Error(String(error?.message ? error.message : error)), userObject);
            });
        };
      },
    });
  }
  window.google = {
    script: {
      run: runner(null, null, undefined),
      host: { close() {}, editor: { focus() {} }, setHeight() {}, setWidth() {} },
    },
  };
})();
