// Entry module of the Hyper.Live browser bundle: boots the official Phoenix LiveView
// client against the framework's "/live" socket and exposes `window.hyperLive`, the
// page's view of the connection (state, change notifications, open/close control).
import {Serializer, Socket} from "phoenix"
import {LiveSocket} from "phoenix_live_view"
import {eventMetadata, installBindings} from "./bindings.js"
import {installConnectionBanner} from "./connection-banner.js"
import {debounceCallbacks, readConfig, reconnectSchedule} from "./config.js"
import {createErrors} from "./errors.js"

// Must be read while the module evaluates: document.currentScript is null afterwards.
const script = document.currentScript
const csrfToken = document.querySelector("meta[name='csrf-token']")?.getAttribute("content")
const config = readConfig(script)

// One object, shared with LiveSocket, so hooks added to `hyperLive.hooks` at any time
// before an element mounts are found. A page script that runs before this bundle may
// prepare `window.hyperLive = {hooks: {...}}`; that object is then the one used.
const hooks = window.hyperLive?.hooks ?? {}

const listeners = new Set()
let lastState = "closed"

// The Phoenix socket reports open, close and error, but not when it starts a (re)connect
// or closes a connection itself. A WebSocket subclass as its transport tells us both;
// every notification re-reads the real state, so a missed or duplicate one is harmless.
const Transport = class extends WebSocket {
  constructor(url, protocols) {
    super(url, protocols)
    // The socket stores this instance only after the constructor returns.
    queueMicrotask(syncState)
  }

  close(code, reason) {
    super.close(code, reason)
    queueMicrotask(syncState)
  }
}

// Phoenix's redirect (a page load) has no history mode; the server marks one that should replace
// the current entry with "kind":"replace" (LiveView.Redirect(path, replace: true)). Frames are
// read here, as they are decoded, before the view acts on them.
const replacingRedirects = new Set()
function decode(raw, callback) {
  Serializer.decode(raw, (message) => {
    const redirect = message.event === "redirect" ? message.payload : message.payload?.response?.redirect
    if (redirect?.kind === "replace" && typeof redirect.to === "string") replacingRedirects.add(redirect.to)
    errors.inspect(message)
    callback(message)
  })
}

const liveSocket = new LiveSocket("/live", Socket, {
  decode,
  // A function, not an object: LiveSocket mutates an object `params` on every join, and
  // those keys would then leak into the socket URL (protocol §2.1).
  params: () => ({_csrf_token: csrfToken}),
  hooks,
  transport: Transport,
  reconnectAfterMs: reconnectSchedule(config, giveUp),
  heartbeatIntervalMs: config.heartbeatIntervalMs,
  ...(config.longPollFallbackMs !== null ? {longPollFallbackMs: config.longPollFallbackMs} : {}),
  dom: debounceCallbacks(config),
  metadata: {click: eventMetadata, keydown: eventMetadata, keyup: eventMetadata},
})

// Past HyperLiveOptions.Client.MaxReconnectAttempts: stop, and say so, until connect() is called.
function giveUp() {
  liveSocket.disconnect()
  syncState()
  errors.report({type: "not_connected", message: `gave up after ${config.maxReconnectAttempts} reconnect attempts`})
}

// As LiveSocket.redirect (flash cookie, unload), but without leaving a history entry behind.
const redirect = liveSocket.redirect.bind(liveSocket)
liveSocket.redirect = (to, flash, reloadToken) => {
  if (!replacingRedirects.delete(to)) return redirect(to, flash, reloadToken)
  if (flash) document.cookie = `__phoenix_flash__=${flash}; max-age=60; path=/`
  liveSocket.unload()
  window.location.replace(to)
}

const socket = liveSocket.getSocket()
socket.onOpen(syncState)
socket.onClose((event) => {
  syncState()
  // Not after disconnect(): the page asked for that one.
  if (!socket.closeWasClean) errors.report({type: "not_connected", message: `the connection closed (${event?.code ?? "no code"})`})
})
socket.onError(() => {
  syncState()
  errors.report({type: "not_connected", message: "the connection to the server failed"})
})

function currentState() {
  // "connecting" | "open" | "closing" | "closed", straight from the socket's transport.
  return socket.connectionState()
}

function syncState() {
  const state = currentState()
  if (state === lastState) return
  const previous = lastState
  lastState = state
  for (const callback of [...listeners]) {
    try {
      callback(state, previous)
    } catch (error) {
      // One faulty listener must not starve the others; rethrow outside the loop so the
      // error is still reported like any uncaught one.
      setTimeout(() => { throw error })
    }
  }
  window.dispatchEvent(new CustomEvent("hyper:state", {detail: {state, previous}}))
}

const hyperLive = {
  liveSocket,
  hooks,

  /** The current WebSocket of the Phoenix socket (it changes on reconnect), or null. */
  get ws() {
    return socket.conn ?? null
  },

  /** "connecting" | "open" | "closing" | "closed" */
  get state() {
    return currentState()
  },

  /**
   * The last error the page saw, or null: {type, message, field?, topic?, at} (types in errors.js).
   * Each one is also dispatched as a `hyper:error` event on window, with the error as `detail`.
   */
  lastError: null,

  /** Calls `callback(newState, oldState)` on every change; returns the unsubscribe function. */
  onStateChange(callback) {
    listeners.add(callback)
    return () => listeners.delete(callback)
  },

  connect() {
    liveSocket.connect()
    installBindings(liveSocket)
    syncState()
  },

  disconnect() {
    liveSocket.disconnect()
    syncState()
  },
}

const errors = createErrors(hyperLive)

// Server commands (LiveView.Focus, Scroll, Download, RunJavaScript) arrive as push events
// with reserved names, so they need nothing beyond the Phoenix protocol.
const commands = {
  "hyper:focus": ({selector}) => document.querySelector(selector)?.focus(),
  // No selector (LiveView.Scroll()) is the top of the page: querySelector("") would throw.
  "hyper:scroll": ({selector, block}) => selector
    ? document.querySelector(selector)?.scrollIntoView({block: block || "start"})
    : window.scrollTo({top: 0, left: 0}),
  "hyper:download": ({url, filename}) => {
    const link = document.createElement("a")
    link.href = url
    link.download = filename || ""
    document.body.appendChild(link)
    link.click()
    link.remove()
  },
  // The code comes from the server's own templates and handlers, never from other users.
  "hyper:js": ({code, args}) => new Function("args", code)(args),
}
for (const [name, run] of Object.entries(commands)) {
  window.addEventListener(`phx:${name}`, (event) => run(event.detail || {}))
}

window.liveSocket = liveSocket
window.hyperLive = hyperLive

installConnectionBanner(hyperLive, script?.dataset ?? {})

if (config.autoConnect) {
  hyperLive.connect()
}
