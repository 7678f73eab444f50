/*
 * Open CTI for Lightning, as served by Dialtone's Lightning emulator (dev/lightning).
 *
 * Our own implementation of the public contract of Salesforce's
 * /support/api/<NN>.0/lightning/opencti_min.js (docs/dev-lightning.md "The library's contract",
 * reference opencti.md §1.3-§2.3): the same public surface, initialisation checks and thrown
 * string, postMessage wire format, validation messages and callback/listener semantics as the
 * published v57 library — quirks included, because a product that leans on a friendlier emulator
 * passes our tests and fails in a real org. It is not Salesforce's code.
 *
 * The emulator substitutes the configuration object below when it serves the file:
 * { apiVersion: NN, allowLocalOrigins: boolean }.
 */
(function (config) {
  'use strict';

  var API_VERSION = config.apiVersion;
  var INIT_FAILURE =
    'Failed to initialize Open CTI. Ensure that it is loaded from the right frame with correct URL parameters';
  var ONE_OBJECT = 'Must pass in only one object which holds arguments to this API method call.';

  // The v57 allow-list: Salesforce hosts (commercial, government and sovereign clouds), optional port.
  var SALESFORCE_ORIGIN =
    /^https?:\/\/[\w.-]+(\.force\.com|\.visualforce\.com|\.my-visualforce\.com|\.my-lightning\.com|\.salesforce\.com|\.my-salesforce\.com|\.(salesforce|crmforce)\.(mil|ms))(:\d+)?$/;
  // Emulator dev mode only (never in Salesforce): a console served from this machine.
  var LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/;

  var callbacks = {};
  // methodName → [listener…], or for LMS methodName → { eventName → [listener…] }.
  var listeners = {};
  var nextCallId = 0;
  var sfdcIframeOrigin = null;

  /**
   * Salesforce's query parser, rule for rule: split on & then =, keep only the text between the
   * first and second =, decode values (not keys), skip pairs with an empty key, give null to an
   * empty or missing value. A repeat of a key whose current value is truthy makes an array; a
   * repeat of a null one simply replaces it — so `mode&mode=Lightning` gives "Lightning". The
   * truthiness test runs on a plain object, so `__proto__` as a key throws a TypeError, as there.
   */
  function parseQuery(search) {
    var result = {};
    if (typeof search !== 'string') return result;
    var query = search.charAt(0) === '?' ? search.slice(1) : search;
    if (query.length === 0) return result;
    var pairs = query.split('&');
    for (var i = 0; i < pairs.length; i++) {
      var parts = pairs[i].split('=');
      var key = parts[0];
      if (!key) continue;
      var value = parts[1] ? decodeURIComponent(parts[1]) : null;
      var current = result[key];
      if (!current) result[key] = value;
      else if (typeof current === 'object') current.push(value);
      else result[key] = [current, value];
    }
    return result;
  }

  function isAllowedOrigin(origin) {
    // A repeated sfdcIframeOrigin is an array; Salesforce's regex test stringifies it ("a,b") and fails.
    if (typeof origin !== 'string') return false;
    return SALESFORCE_ORIGIN.test(origin) || (config.allowLocalOrigins === true && LOCAL_ORIGIN.test(origin));
  }

  function initialize() {
    var params = parseQuery(window.location.search);
    var origin = params.sfdcIframeOrigin;
    if (!origin || !params.mode || !isAllowedOrigin(origin) || origin.indexOf(window.location.protocol) !== 0) {
      throw INIT_FAILURE;
    }
    sfdcIframeOrigin = origin;
    window.addEventListener('message', onMessage, false);
  }

  function onMessage(event) {
    var data = event.data;
    if (!data || data.apiVersion !== API_VERSION || data.apiType !== 'opencti' || event.origin !== sfdcIframeOrigin) {
      return;
    }
    if (data.shouldExecuteCallback === true) runCallback(data.methodName + '_' + data.callId, data.response);
    if (data.shouldExecuteListener === true) runListeners(data.methodName, data.eventName, data.response);
  }

  /** Deleted only once it returned: a callback that throws runs again if the reply comes again. */
  function runCallback(key, response) {
    var callback = callbacks[key];
    if (!callback) return;
    callback.call(null, response);
    delete callbacks[key];
  }

  /** Runs the live list (not a copy), stopping at the first listener that throws. */
  function runListeners(methodName, eventName, response) {
    var list = eventName ? listeners[methodName] && listeners[methodName][eventName] : listeners[methodName];
    if (!list) return;
    list.forEach(function (listener) {
      listener.call(null, response);
    });
  }

  function listenersOf(methodName, eventName) {
    if (!eventName) return (listeners[methodName] = listeners[methodName] || []);
    var byEvent = (listeners[methodName] = listeners[methodName] || {});
    return (byEvent[eventName] = byEvent[eventName] || []);
  }

  function removeListener(methodName, eventName, listener) {
    var list = listenersOf(methodName, eventName);
    var at = list.indexOf(listener);
    if (at !== -1) list.splice(at, 1);
    return list.length;
  }

  function send(methodName, args, callback, listener) {
    var message = {
      methodName: methodName,
      callId: nextCallId++,
      apiVersion: API_VERSION,
      apiType: 'opencti',
      isCallbackRegistered: false,
      isListenerRegistered: false,
      args: args,
    };
    if (typeof callback === 'function') {
      callbacks[methodName + '_' + message.callId] = callback;
      message.isCallbackRegistered = true;
    }
    if (typeof listener === 'function') {
      listenersOf(methodName, args.eventName).push(listener);
      message.isListenerRegistered = true;
    }
    window.parent.postMessage(message, sfdcIframeOrigin);
  }

  /**
   * Exactly one argument, an object with at least one key (or none at all when allowed). `null`
   * is an object to `typeof`, so it reaches Object.keys and fails with its TypeError.
   */
  function checkArguments(argList, zeroArgsAllowed) {
    if (zeroArgsAllowed && argList.length === 0) return;
    var args = argList[0];
    if (argList.length !== 1 || typeof args !== 'object' || Object.keys(args).length === 0) {
      throw new Error(ONE_OBJECT);
    }
  }

  function requireCallback(args) {
    if (!args || typeof args.callback !== 'function') throw new Error('Missing the required argument `callback`!');
  }

  function requireListener(args) {
    if (!args || typeof args.listener !== 'function') throw new Error('Missing the required argument `listener`!');
  }

  function requireChannelName(args) {
    if (!args || !args.channelName || typeof args.channelName !== 'string') {
      throw new Error('The argument `channelName` must be a non-empty string!');
    }
  }

  function callbackOf(args) {
    return args ? args.callback : undefined;
  }

  /** The wire args: every key of `keys`, copied from the caller's object even when unset. */
  function wireArgs(args, keys) {
    var wire = {};
    for (var i = 0; i < keys.length; i++) wire[keys[i]] = args[keys[i]];
    return wire;
  }

  /** A method whose callback is optional and whose wire args are `keys`. */
  function optionalCallback(methodName, keys, zeroArgsAllowed) {
    return function (args) {
      checkArguments(arguments, zeroArgsAllowed);
      send(methodName, keys.length === 0 ? {} : wireArgs(args, keys), callbackOf(args));
    };
  }

  /** A getter: callback required, no wire args. */
  function getter(methodName) {
    return function (args) {
      checkArguments(arguments, false);
      requireCallback(args);
      send(methodName, {}, args.callback);
    };
  }

  /** A listener registration: listener required, no wire args. */
  function listenerMethod(methodName) {
    return function (args) {
      checkArguments(arguments, false);
      requireListener(args);
      send(methodName, {}, undefined, args.listener);
    };
  }

  var api = {
    SCREENPOP_TYPE: {
      URL: 'url',
      SOBJECT: 'sobject',
      OBJECTHOME: 'objecthome',
      LIST: 'list',
      SEARCH: 'search',
      NEW_RECORD_MODAL: 'newRecord',
      FLOW: 'flow',
    },
    CALL_TYPE: { INBOUND: 'inbound', OUTBOUND: 'outbound', INTERNAL: 'internal' },

    initialize: initialize,

    enableClickToDial: optionalCallback('enableClickToDial', [], true),
    disableClickToDial: optionalCallback('disableClickToDial', [], true),
    onClickToDial: listenerMethod('onClickToDial'),
    getAppViewInfo: getter('getAppViewInfo'),
    onNavigationChange: listenerMethod('onNavigationChange'),
    getCallCenterSettings: getter('getCallCenterSettings'),
    getSoftphoneLayout: getter('getSoftphoneLayout'),
    isSoftphonePanelVisible: getter('isSoftphonePanelVisible'),
    setSoftphonePanelVisibility: optionalCallback('setSoftphonePanelVisibility', ['visible']),
    setSoftphonePanelHeight: optionalCallback('setSoftphonePanelHeight', ['heightPX']),
    setSoftphonePanelWidth: optionalCallback('setSoftphonePanelWidth', ['widthPX']),
    setSoftphonePanelLabel: optionalCallback('setSoftphonePanelLabel', ['label']),
    setSoftphonePanelIcon: optionalCallback('setSoftphonePanelIcon', ['key']),
    setSoftphoneItemLabel: optionalCallback('setSoftphoneItemLabel', ['label']),
    setSoftphoneItemIcon: optionalCallback('setSoftphoneItemIcon', ['key']),
    notifyInitializationComplete: function (args) {
      // Salesforce's library validates nothing here.
      send('notifyInitializationComplete', {}, callbackOf(args));
    },
    refreshView: optionalCallback('refreshView', [], true),
    runApex: optionalCallback('runApex', ['apexClass', 'methodName', 'methodParams']),
    saveLog: function (args) {
      checkArguments(arguments, false);
      if (!args || typeof args.value !== 'object') throw new Error('Missing the required argument `value object`!');
      send('saveLog', { object: args.value }, callbackOf(args));
    },
    screenPop: optionalCallback('screenPop', ['type', 'params']),
    // All six keys, unset ones undefined; queryParams goes as given (Salesforce documents a string).
    searchAndScreenPop: optionalCallback('searchAndScreenPop', [
      'searchParams',
      'callType',
      'queryParams',
      'defaultFieldValues',
      'deferred',
      'params',
    ]),
  };

  if (API_VERSION >= 46) {
    api.hvs = {
      onWorkStart: listenerMethod('onWorkStart'),
      completeWork: optionalCallback('completeWork', ['workId', 'attributes']),
    };
  }

  if (API_VERSION >= 47) installMessageService(api);

  /** subscribe / unsubscribe / publish (Lightning Message Service, API 47+). */
  function installMessageService(target) {
    // Client-side handle → { channel, listener }; the handle is all a caller gets back.
    var subscriptions = new Map();

    target.subscribe = function (args) {
      checkArguments(arguments, false);
      requireListener(args);
      requireChannelName(args);
      var userCallback = callbackOf(args);
      var handle = Object.freeze({});
      subscriptions.set(handle, { channel: args.channelName, listener: args.listener });
      // Reads `success` off the reply itself: a null reply throws here, before the caller's
      // callback, which then never runs (and stays registered, so a second reply throws again).
      var onReply = function (response) {
        if (response.success) {
          response.subscription = handle;
        } else {
          removeListener('subscribe', args.channelName, args.listener);
          subscriptions.delete(handle);
        }
        if (userCallback) userCallback(response);
      };
      send('subscribe', { eventName: args.channelName, subscription: handle }, onReply, args.listener);
    };

    target.unsubscribe = function (args) {
      checkArguments(arguments, false);
      if (!args || !args.subscription || typeof args.subscription !== 'object') {
        throw new Error('The argument `subscription` must be an object!');
      }
      var entry = subscriptions.get(args.subscription);
      subscriptions.delete(args.subscription);
      // An unknown handle is ignored; the host hears only when a channel's last listener goes.
      if (!entry) return;
      if (removeListener('subscribe', entry.channel, entry.listener) === 0) {
        send('unsubscribe', { eventName: entry.channel }, callbackOf(args));
      }
    };

    target.publish = function (args) {
      checkArguments(arguments, false);
      requireChannelName(args);
      send('publish', { eventName: args.channelName, message: serializedMessage(args) }, callbackOf(args));
    };
  }

  /**
   * A JSON copy of a truthy message (a falsy one — null, 0, "" — is sent as undefined). The copy
   * must be an object or null; a JSON failure (a circular message) is rethrown as a plain Error.
   */
  function serializedMessage(args) {
    if (!args.message) return undefined;
    var copy;
    try {
      copy = JSON.parse(JSON.stringify(args.message));
    } catch (problem) {
      throw new Error(problem.message);
    }
    if (typeof copy !== 'object') throw new Error('The argument `message` must be a serializable object or null!');
    return copy;
  }

  window.sforce = window.sforce || {};
  window.sforce.opencti = api;
  api.initialize();
})(__OPENCTI_CONFIG__);
