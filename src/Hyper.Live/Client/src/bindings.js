// Hyper's @event bindings in the browser. The template compiler turns each binding into a
// Phoenix `phx-*` attribute where Phoenix has one, or into `data-hyper-<event>` (a JSON list
// of JS commands) for any other DOM event, and lists every binding of an element with its
// modifiers in `data-hyper-on` ("click.stop", "input.debounce.300", "keydown.escape").
// This module adds what Phoenix lacks, using only LiveSocket's public `execJS`, so events
// reach the server as ordinary `event` frames:
//   * it delivers the data-hyper-* bindings, with their own key filter and rate limit;
//   * it makes Hyper bindings bubble like DOM listeners: Phoenix fires only the innermost
//     phx-click (and a key binding only on the focused element), so outer Hyper bindings of
//     the same event are fired here, innermost first, until a binding with .stop;
//   * it applies .prevent.

const VIEW = "[data-phx-session]"
// Events Phoenix binds that bubble, and the attribute it fires: their outer Hyper bindings
// are ours to fire. (submit, change, focus and blur do not bubble to other bindings.)
const PHOENIX = {click: "phx-click", keydown: "phx-keydown", keyup: "phx-keyup"}
const KEY_EVENTS = new Set(["keydown", "keyup", "keypress"])

/** Parsed `data-hyper-on` values, by text: the same few values repeat on every row of a list. */
const parsed = new Map()

function bindingsOf(el) {
  const text = el.getAttribute("data-hyper-on")
  if (!text) return []
  let specs = parsed.get(text)
  if (!specs) {
    specs = text.split(/\s+/).filter(Boolean).map(parseSpec)
    parsed.set(text, specs)
  }
  return specs
}

// "keydown.escape.stop.debounce.300" → {event, key, stop, prevent, pointer, debounce, throttle, attribute}
function parseSpec(text) {
  const [event, ...modifiers] = text.split(".")
  const spec = {event, key: null, stop: false, prevent: false, pointer: false, debounce: null, throttle: null}
  for (let i = 0; i < modifiers.length; i++) {
    const modifier = modifiers[i]
    if (modifier === "stop" || modifier === "prevent" || modifier === "pointer") spec[modifier] = true
    else if (modifier === "debounce" || modifier === "throttle") spec[modifier] = parseInt(modifiers[++i], 10)
    else spec.key = modifier
  }
  // The attribute holding this binding's JS commands when we deliver it (see ElementBindings).
  spec.attribute = `data-hyper-${event.toLowerCase()}${spec.key ? "." + spec.key : ""}`
  return spec
}

function keyMatches(spec, e) {
  if (!spec.key) return true
  const key = e.key && e.key.toLowerCase()
  return key === (spec.key === "space" ? " " : spec.key)
}

/** The element whose phx-* binding Phoenix fires for `e` itself (it fires no other). */
function firedByPhoenix(e, target) {
  const attribute = PHOENIX[e.type]
  if (!attribute) return null
  if (e.type !== "click") return target.hasAttribute(attribute) ? target : null
  for (let el = target; el && el.nodeType === 1 && !el.matches(VIEW); el = el.parentElement) {
    if (el.hasAttribute(attribute) && !el.disabled) return el
  }
  return null
}

const MODIFIER_KEYS = ["altKey", "ctrlKey", "shiftKey", "metaKey"]

/**
 * What Phoenix adds to a click or key event's value (its `metadata` option): the modifier keys
 * held, only when held (a plain click costs no bytes), and for `@click.pointer` where the
 * pointer was, which button and how many clicks (LiveEvent.Pointer on the server).
 */
export function eventMetadata(e, el) {
  const meta = {}
  for (const key of MODIFIER_KEYS) if (e[key]) meta[key] = true
  if (e.type === "click" && bindingsOf(el).some((spec) => spec.event === "click" && spec.pointer)) {
    const box = el.getBoundingClientRect()
    Object.assign(meta, {
      clientX: e.clientX, clientY: e.clientY, pageX: e.pageX, pageY: e.pageY,
      // From the bound element's padding edge, as MouseEvent.offsetX is from its target's, but
      // whichever child was clicked.
      offsetX: Math.round(e.clientX - box.left - el.clientLeft), offsetY: Math.round(e.clientY - box.top - el.clientTop),
      button: e.button, detail: e.detail, pointerType: e.pointerType || "mouse",
    })
  }
  return meta
}

let installed = false

/**
 * Starts delivering Hyper bindings; call it right after `liveSocket.connect()` (once is enough).
 * Phoenix binds its listeners in connect(), or when the DOM is loaded if it is not yet:
 * ours must come after them so that the innermost binding (Phoenix's) is pushed first.
 */
export function installBindings(liveSocket) {
  if (installed) return
  installed = true
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", () => listen(liveSocket))
  } else {
    listen(liveSocket)
  }
}

function listen(liveSocket) {
  /** Per element, per binding: the pending debounce timer or the throttle window. */
  const limits = new WeakMap()

  function fire(el, type, commands, e) {
    if (!el.isConnected) return
    let list = commands.startsWith("[") ? JSON.parse(commands) : [["push", {event: commands}]]
    // Phoenix sends the key with key events, and its metadata with clicks and keys; so do we, for
    // the bindings we fire.
    const data = {...eventMetadata(e, el), ...(KEY_EVENTS.has(type) ? {key: e.key} : {})}
    list = list.map(([op, args]) => op === "push" ? [op, {...args, data: {...data, ...args.data}}] : [op, args])
    // Phoenix turns a "change" push into a form event: it throws for a control outside a
    // <form> and sends the whole form (not the control's value) for one inside. A String
    // object is not === "change", so the push takes the ordinary event path, and it still
    // serializes as "change" in the frame's type and in the phx-change-loading class.
    liveSocket.execJS(el, JSON.stringify(list), type === "change" ? new String(type) : type)
  }

  function rateLimited(el, spec, send) {
    const ms = spec.debounce ?? spec.throttle
    if (ms == null || Number.isNaN(ms)) return send()
    let states = limits.get(el)
    if (!states) {
      states = new Map()
      limits.set(el, states)
      // As Phoenix does: leaving the field sends what was waiting.
      el.addEventListener("blur", () => {
        for (const state of states.values()) {
          if (state.pending) {
            clearTimeout(state.timer)
            state.pending()
            state.pending = null
          }
        }
      })
    }
    const state = states.get(spec) ?? {}
    states.set(spec, state)
    if (spec.debounce != null) {
      clearTimeout(state.timer)
      state.pending = send
      state.timer = setTimeout(() => {
        state.pending = null
        send()
      }, ms)
    } else if (!state.until || Date.now() >= state.until) {
      state.until = Date.now() + ms
      send()
    }
  }

  // Walks from the event's target to the view's root like a bubbling DOM event (only the
  // target for events that do not bubble), firing the Hyper bindings for this event type.
  function dispatch(e) {
    const target = e.target instanceof Element ? e.target : null
    if (!target || !target.closest(VIEW)) return
    const phoenixEl = firedByPhoenix(e, target)
    for (let el = target; el && !el.matches(VIEW); el = e.bubbles ? el.parentElement : null) {
      let stop = false
      for (const spec of bindingsOf(el)) {
        if (spec.event !== e.type || !keyMatches(spec, e) || el.disabled) continue
        const custom = el.getAttribute(spec.attribute)
        const phoenix = custom === null && el !== phoenixEl ? el.getAttribute(PHOENIX[e.type] ?? "") : null
        const commands = custom ?? phoenix
        // An element still waiting for the reply to its last push ignores clicks, as in Phoenix.
        if (commands && !(phoenix && el.hasAttribute("data-phx-ref-src"))) {
          rateLimited(el, spec, () => fire(el, e.type, commands, e))
        }
        if (spec.prevent) e.preventDefault()
        stop ||= spec.stop
      }
      if (stop) break
    }
  }

  // After Phoenix's own listeners (window, bubble phase): see installBindings.
  for (const type of Object.keys(PHOENIX)) window.addEventListener(type, dispatch)

  // Other events are listened to once some element binds them, in the capture phase, where
  // events that do not bubble (mouseenter, scroll, …) pass by too. On the document, not the
  // window: Chromium dispatches mouseenter/leave and pointerenter/leave only when a node of
  // the document listens for them. Not passive, so that .prevent works on wheel and touch
  // events (listeners on the document are passive by default for those).
  const listening = new Set(Object.keys(PHOENIX))
  function listenFor(el) {
    for (const spec of bindingsOf(el)) {
      if (!listening.has(spec.event)) {
        listening.add(spec.event)
        document.addEventListener(spec.event, dispatch, {capture: true, passive: false})
      }
    }
  }
  function discover(root) {
    if (root.nodeType !== 1 && root.nodeType !== 9) return
    if (root.nodeType === 1 && root.hasAttribute("data-hyper-on")) listenFor(root)
    root.querySelectorAll("[data-hyper-on]").forEach(listenFor)
  }
  discover(document)
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === "attributes") listenFor(mutation.target)
      else mutation.addedNodes.forEach(discover)
    }
  }).observe(document.documentElement, {subtree: true, childList: true, attributes: true, attributeFilter: ["data-hyper-on"]})
}
