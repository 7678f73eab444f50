/*
 * Open CTI for Lightning, as served by Dialtone's Lightning emulator (dev/lightning).
 *
 * Our own implementation of the public contract of Salesforce's
 * /support/api/<NN>.0/lightning/opencti_min.js (docs/dev-lightning.md, reference opencti.md
 * §1.3-§2.3): the same public surface, the same initialisation checks and thrown string, the
 * same postMessage wire format, argument validation messages and callback/listener semantics
 * (v57). It is not Salesforce's code.
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
  var MISSING_CALLBACK = 'Missing the required argument `callback`!';
  var MISSING_LISTENER = 'Missing the required argument `listener`!';
  var MISSING_VALUE = 'Missing the required argument `value object`!';

  // The v57 allow-list: Salesforce hosts (commercial, government and sovereign clouds), optional port.
  var SALESFORCE_ORIGIN =
    /^https?:\/\/[\w.-]+(\.force\.com|\.visualforce\.com|\.my-visualforce\.com|\.my-lightning\.com|\.salesforce\.com|\.my-salesforce\.com|\.(salesforce|crmforce)\.(mil|ms))(:\d+)?$/;
  // Emulator dev mode only (never in Salesforce): a console served from this machine.
  var LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/;

  var callbacks = {};
  var listeners = {};
  var nextCallId = 0;
  var sfdcIframeOrigin = null;

  /** The tiny query parser: split on & and =, decode values only, repeat → array, no = → null. */
  function parseQuery(search) {
    var result = {};
    var query = search.charAt(0) === '?' ? search.substring(1) : search;
    if (!query) return result;
    var pairs = query.split('&');
    for (var i = 0; i < pairs.length; i++) {
      var parts = pairs[i].split('=');
      var key = parts[0];
      var value = parts.length > 1 ? decodeURIComponent(parts[1]) : null;
      if (Object.prototype.hasOwnProperty.call(result, key)) {
        if (!Array.isArray(result[key])) result[key] = [result[key]];
        result[key].push(value);
      } else {
        result[key] = value;
      }
    }
    return result;
  }

  function isAllowedOrigin(origin) {
    if (typeof origin !== 'string') return false;
    return SALESFORCE_ORIGIN.test(origin) || (config.allowLocalOrigins === true && LOCAL_ORIGIN.test(origin));
  }

  function initialize() {
    var params = parseQuery(window.location.search);
    var origin = params.sfdcIframeOrigin;
    if (
      !origin ||
      !params.mode ||
      !isAllowedOrigin(origin) ||
      origin.indexOf(window.location.protocol) !== 0
    ) {
      throw INIT_FAILURE;
    }
    sfdcIframeOrigin = origin;
    window.addEventListener('message', onMessage, false);
  }

  function onMessage(event) {
    if (event.origin !== sfdcIframeOrigin) return;
    var data = event.data;
    if (!data || typeof data !== 'object') return;
    if (data.apiVersion !== API_VERSION || data.apiType !== 'opencti') return;
    if (data.shouldExecuteCallback === true) {
      var key = data.methodName + '_' + data.callId;
      var callback = callbacks[key];
      if (callback) {
        delete callbacks[key];
        callback(data.response);
      }
    }
    if (data.shouldExecuteListener === true) {
      var listenerKey = data.eventName ? data.methodName + '_' + data.eventName : data.methodName;
      var list = listeners[listenerKey];
      if (list) {
        list = list.slice();
        for (var i = 0; i < list.length; i++) list[i](data.response);
      }
    }
  }

  function send(methodName, args, callback, isListener) {
    var callId = nextCallId++;
    var hasCallback = typeof callback === 'function';
    if (hasCallback) callbacks[methodName + '_' + callId] = callback;
    window.parent.postMessage(
      {
        methodName: methodName,
        callId: callId,
        apiVersion: API_VERSION,
        apiType: 'opencti',
        isCallbackRegistered: hasCallback,
        isListenerRegistered: isListener === true,
        args: args,
      },
      sfdcIframeOrigin,
    );
  }

  function addListener(key, listener) {
    (listeners[key] = listeners[key] || []).push(listener);
  }

  /** Exactly one argument, an object with at least one key (or none at all when allowed). */
  function argsOf(argList, zeroArgsAllowed) {
    if (zeroArgsAllowed && argList.length === 0) return {};
    var args = argList[0];
    if (argList.length !== 1 || typeof args !== 'object' || args === null || Object.keys(args).length === 0) {
      throw new Error(ONE_OBJECT);
    }
    return args;
  }

  function requireCallback(args) {
    if (typeof args.callback !== 'function') throw new Error(MISSING_CALLBACK);
  }

  function requireListener(args) {
    if (typeof args.listener !== 'function') throw new Error(MISSING_LISTENER);
  }

  /** Copies only the keys the wire format carries, and only those the caller passed. */
  function pick(args, keys) {
    var out = {};
    for (var i = 0; i < keys.length; i++) {
      if (Object.prototype.hasOwnProperty.call(args, keys[i])) out[keys[i]] = args[keys[i]];
    }
    return out;
  }

  function queryString(value) {
    if (value === null || typeof value !== 'object') return value;
    var parts = [];
    for (var key in value) {
      if (Object.prototype.hasOwnProperty.call(value, key)) {
        parts.push(encodeURIComponent(key) + '=' + encodeURIComponent(value[key]));
      }
    }
    return parts.join('&');
  }

  /** A method whose callback is optional and whose wire args are `keys`. */
  function optionalCallback(methodName, keys, zeroArgsAllowed) {
    return function () {
      var args = argsOf(arguments, zeroArgsAllowed);
      send(methodName, pick(args, keys), args.callback, false);
    };
  }

  /** A getter: callback required, no wire args. */
  function getter(methodName) {
    return function () {
      var args = argsOf(arguments, false);
      requireCallback(args);
      send(methodName, {}, args.callback, false);
    };
  }

  /** A listener registration: listener required, no wire args. */
  function listenerMethod(methodName) {
    return function () {
      var args = argsOf(arguments, false);
      requireListener(args);
      addListener(methodName, args.listener);
      send(methodName, {}, undefined, true);
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
      send('notifyInitializationComplete', {}, args && args.callback, false);
    },
    refreshView: optionalCallback('refreshView', [], true),
    runApex: optionalCallback('runApex', ['apexClass', 'methodName', 'methodParams']),
    saveLog: function () {
      var args = argsOf(arguments, false);
      if (typeof args.value !== 'object') throw new Error(MISSING_VALUE);
      send('saveLog', { object: args.value }, args.callback, false);
    },
    screenPop: optionalCallback('screenPop', ['type', 'params']),
    searchAndScreenPop: function () {
      var args = argsOf(arguments, false);
      var wire = pick(args, ['searchParams', 'queryParams', 'defaultFieldValues', 'callType', 'deferred', 'params']);
      if (Object.prototype.hasOwnProperty.call(wire, 'queryParams')) wire.queryParams = queryString(wire.queryParams);
      send('searchAndScreenPop', wire, args.callback, false);
    },
  };

  if (API_VERSION >= 46) {
    api.hvs = {
      onWorkStart: listenerMethod('onWorkStart'),
      completeWork: optionalCallback('completeWork', ['workId', 'attributes']),
    };
  }

  if (API_VERSION >= 47) {
    var subscriptions = [];

    api.subscribe = function () {
      var args = argsOf(arguments, false);
      if (typeof args.channelName !== 'string' || args.channelName === '') {
        throw new Error('Missing the required argument `channelName`!');
      }
      requireListener(args);
      var channel = args.channelName;
      var subscription = Object.freeze({});
      var entry = { subscription: subscription, channel: channel, listener: args.listener };
      subscriptions.push(entry);
      addListener('subscribe_' + channel, args.listener);
      var userCallback = args.callback;
      send(
        'subscribe',
        { eventName: channel, subscription: {} },
        function (response) {
          if (!response || response.success !== true) removeSubscription(entry);
          if (typeof userCallback === 'function') {
            var withHandle = {};
            for (var key in response) {
              if (Object.prototype.hasOwnProperty.call(response, key)) withHandle[key] = response[key];
            }
            withHandle.subscription = subscription;
            userCallback(withHandle);
          }
        },
        true,
      );
    };

    api.unsubscribe = function () {
      var args = argsOf(arguments, false);
      var entry = null;
      for (var i = 0; i < subscriptions.length; i++) {
        if (subscriptions[i].subscription === args.subscription) entry = subscriptions[i];
      }
      if (!entry) throw new Error('Missing the required argument `subscription`!');
      var lastForChannel = removeSubscription(entry);
      // Salesforce tells the host only when the channel's last listener goes away.
      if (lastForChannel) send('unsubscribe', { eventName: entry.channel }, args.callback, false);
    };

    api.publish = function () {
      var args = argsOf(arguments, false);
      if (typeof args.channelName !== 'string' || args.channelName === '') {
        throw new Error('Missing the required argument `channelName`!');
      }
      if (typeof args.message !== 'object') throw new Error('The message must be an object that can be serialized to JSON.');
      var message = JSON.parse(JSON.stringify(args.message));
      send('publish', { eventName: args.channelName, message: message }, args.callback, false);
    };

    var removeSubscription = function (entry) {
      subscriptions = subscriptions.filter(function (s) {
        return s !== entry;
      });
      var key = 'subscribe_' + entry.channel;
      var list = (listeners[key] || []).filter(function (l) {
        return l !== entry.listener;
      });
      if (list.length === 0) {
        delete listeners[key];
        return true;
      }
      listeners[key] = list;
      return false;
    };
  }

  window.sforce = window.sforce || {};
  window.sforce.opencti = api;
  api.initialize();
})(__OPENCTI_CONFIG__);
