/*
 * A tiny softphone for the emulator's own tests (dev/lightning): it loads the Open CTI library the
 * way an adapter does and lets Playwright drive it through window.testAdapter.
 *
 * Query parameters (besides mode and sfdcIframeOrigin, which the console adds):
 *   v=57        API version of the library to load (default 57)
 *   lib=URL     load the library from this URL instead of <sfdcIframeOrigin>/support/api/...
 */
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var version = params.get('v') || '57';
  var origin = params.get('sfdcIframeOrigin');
  var lib = params.get('lib') || (origin ? origin + '/support/api/' + version + '.0/lightning/opencti_min.js' : null);

  var state = {
    loaded: false,
    initError: null,
    events: [],
    callbacks: [],
  };

  // The library throws a plain string on a failed init check; a same-origin script lets us see it.
  window.addEventListener('error', function (event) {
    state.initError = event.error !== undefined && event.error !== null ? event.error : event.message;
  });

  function resolvePath(path) {
    var target = window.sforce && window.sforce.opencti;
    var parts = path.split('.');
    var owner = null;
    for (var i = 0; i < parts.length; i++) {
      owner = target;
      target = target ? target[parts[i]] : undefined;
    }
    if (typeof target !== 'function') throw new Error('No Open CTI method ' + path);
    return { fn: target, owner: owner };
  }

  window.testAdapter = {
    state: state,
    ready: new Promise(function (resolve) {
      if (!lib) {
        state.initError = 'no library URL (no sfdcIframeOrigin and no lib parameter)';
        resolve(state);
        return;
      }
      var script = document.createElement('script');
      script.src = lib;
      script.onload = function () {
        state.loaded = true;
        resolve(state);
      };
      script.onerror = function () {
        state.initError = state.initError || 'library failed to load from ' + lib;
        resolve(state);
      };
      document.head.appendChild(script);
    }),

    /**
     * Calls sforce.opencti.<path>(args + callback) and resolves with the callback's response,
     * or {thrown: message} if the call threw, or {timedOut: true} after timeoutMs.
     */
    call: function (path, args, timeoutMs) {
      return new Promise(function (resolve) {
        var timer = setTimeout(function () {
          resolve({ timedOut: true });
        }, timeoutMs || 3000);
        var withCallback = Object.assign({}, args || {}, {
          callback: function (response) {
            clearTimeout(timer);
            resolve({ response: response });
          },
        });
        try {
          var m = resolvePath(path);
          m.fn.call(m.owner, withCallback);
        } catch (error) {
          clearTimeout(timer);
          resolve({ thrown: error instanceof Error ? error.message : String(error) });
        }
      });
    },

    /**
     * Calls sforce.opencti.<path>(args + callback) where the callback appends {tag, response} to
     * state.callbacks on every invocation (to prove a callback runs once, or not at all).
     */
    callAndRecord: function (path, args, tag) {
      var m = resolvePath(path);
      m.fn.call(
        m.owner,
        Object.assign({}, args || {}, {
          callback: function (response) {
            state.callbacks.push({ tag: tag, response: response });
          },
        }),
      );
    },

    /** Calls a method with exactly these arguments (no callback added); returns {thrown} or {}. */
    callRaw: function (path, argList) {
      try {
        var m = resolvePath(path);
        m.fn.apply(m.owner, argList || []);
        return {};
      } catch (error) {
        return { thrown: error instanceof Error ? error.message : String(error) };
      }
    },

    /** Registers a listener (onClickToDial, onNavigationChange, hvs.onWorkStart…) that records events. */
    listen: function (path, extraArgs) {
      var m = resolvePath(path);
      var args = Object.assign({}, extraArgs || {}, {
        listener: function (payload) {
          state.events.push({ method: path, channel: extraArgs && extraArgs.channelName, payload: payload });
        },
      });
      m.fn.call(m.owner, args);
    },

    /** Posts an arbitrary message to the console (to prove it ignores what it must ignore). */
    postToParent: function (data, targetOrigin) {
      window.parent.postMessage(data, targetOrigin || '*');
    },
  };

  window.testAdapter.ready.then(function () {
    var status = document.getElementById('status');
    if (status) status.textContent = state.initError ? 'init failed: ' + state.initError : 'ready';
  });
})();
