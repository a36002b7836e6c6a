// Errors the page can see: `window.hyperLive.lastError` and a `hyper:error` event on window, typed:
//   not_connected    the socket failed, or the page gave up reconnecting
//   unauthorized     a join refused as not authorized
//   stale            a join refused because the page's tokens are stale (expired, another deploy's key)
//   version_mismatch a join refused because the page was rendered by another deploy (its client bundle
//                    differs); the client then loads the page again
//   join_refused     any other refused join ("too many joins", "server full", …)
//   server_error     the view crashed on the server (the page rejoins with a fresh mount)
//   rate_limited     an event refused as over a rate limit
//   invalid_input    an event refused for its input; `field` names the parameter or form field when known
// Every error is {type, message, field?, topic?, at}. Frames are read as they are decoded.

const RATE_LIMITED = /^rate limited/i
// "Invalid parameter 'age': …", "the form sent no field 'emial' …"
const FIELD = /(?:parameter|field) '([^']+)'/

/** Returns `report(error)` and `inspect(message)`, the latter for every decoded frame. */
export function createErrors(hyperLive) {
  const report = (error) => {
    const full = {...error, at: Date.now()}
    hyperLive.lastError = full
    window.dispatchEvent(new CustomEvent("hyper:error", {detail: full}))
  }

  const inspect = (message) => {
    const {topic, event, payload} = message
    if (!topic?.startsWith("lv:")) return
    if (event === "phx_error") {
      report({type: "server_error", message: "the view crashed on the server", topic})
      return
    }
    if (event !== "phx_reply") return
    if (payload?.status === "error") {
      const reason = payload.response?.reason
      if (typeof reason !== "string") return
      const type = payload.response.error === "version_mismatch" ? "version_mismatch"
        : reason === "unauthorized" || reason === "stale" ? reason : "join_refused"
      report({type, message: reason, topic})
      return
    }
    const refused = payload?.response?.error
    if (typeof refused !== "string") return
    if (RATE_LIMITED.test(refused)) {
      report({type: "rate_limited", message: refused, topic})
      return
    }
    const field = FIELD.exec(refused)?.[1]
    report({type: "invalid_input", message: refused, ...(field ? {field} : {}), topic})
  }

  return {report, inspect}
}
