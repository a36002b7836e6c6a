// The client settings of HyperLiveOptions.Client, written by the HTTP render as JSON in the client
// script tag's `data-hyper-config` (times in milliseconds), and what follows from them.

/** The settings of the page, with the defaults of HyperLiveClientOptions for whatever is missing. */
export function readConfig(script) {
  let config = {}
  try {
    config = JSON.parse(script?.dataset.hyperConfig || "{}")
  } catch {
    // A page written by hand with a broken attribute still connects, with the defaults.
  }
  return {
    // data-auto-connect="false" predates data-hyper-config; both turn it off.
    autoConnect: config.autoConnect !== false && script?.dataset.autoConnect !== "false",
    reconnectMs: config.reconnectMs ?? 1000,
    maxReconnectMs: config.maxReconnectMs ?? 30000,
    reconnectJitter: config.reconnectJitter ?? 0.2,
    maxReconnectAttempts: config.maxReconnectAttempts ?? null,
    heartbeatIntervalMs: config.heartbeatIntervalMs ?? 30000,
    longPollFallbackMs: config.longPollFallbackMs ?? null,
    debounceMs: config.debounceMs ?? null,
  }
}

// setTimeout treats anything longer as 0: the wait of a socket that gave up.
const NEVER = 2 ** 31 - 1

/**
 * Phoenix's `reconnectAfterMs`: the wait before attempt `tries` (1, 2, …; Phoenix counts again from
 * 1 after a successful connect). The first attempt goes out at once, then 1 s doubling up to the
 * maximum, each varied by the jitter. Past the maximum number of attempts it calls `giveUp` once.
 */
export function reconnectSchedule(config, giveUp) {
  return (tries) => {
    if (config.maxReconnectAttempts !== null && tries > config.maxReconnectAttempts) {
      // After the timer is set: giving up disconnects, which clears it.
      queueMicrotask(giveUp)
      return NEVER
    }
    if (tries === 1) return Math.round(Math.random() * 100)
    const wait = Math.min(config.maxReconnectMs, config.reconnectMs * 2 ** (tries - 2))
    const varied = wait * (1 + (Math.random() * 2 - 1) * config.reconnectJitter)
    return Math.round(Math.min(config.maxReconnectMs, Math.max(0, varied)))
  }
}

const TYPED = new Set(["text", "search", "email", "url", "tel", "password", "number"])

/**
 * LiveSocket's `dom` callbacks that give text inputs and textareas without their own rate limit the
 * default debounce: set on every element a patch adds or updates, since a patch would remove an
 * attribute the server's render does not have. `data-hyper-debounce` on an ancestor overrides it.
 */
export function debounceCallbacks(config) {
  const apply = (el) => {
    if (!(el instanceof HTMLElement)) return
    const typed = el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && TYPED.has(el.type))
    if (!typed || el.hasAttribute("phx-debounce") || el.hasAttribute("phx-throttle")) return
    const own = el.closest("[data-hyper-debounce]")?.getAttribute("data-hyper-debounce")
    const ms = own != null ? Number.parseInt(own, 10) : config.debounceMs
    if (Number.isFinite(ms) && ms > 0) el.setAttribute("phx-debounce", String(ms))
  }
  return {
    onNodeAdded: (node) => apply(node),
    onBeforeElUpdated: (_from, to) => apply(to),
  }
}
