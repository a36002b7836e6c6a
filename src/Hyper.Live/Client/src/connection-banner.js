// The page's visible disconnected state: a small banner (and a class on <html>) while the
// live socket is down, so a user does not keep clicking a page that no longer answers.
// Configured by the client script tag the HTTP render writes (HyperLiveOptions):
//   data-connection-banner        the text; empty turns the banner off
//   data-connection-banner-delay  milliseconds the socket must stay down before it shows

const defaultText = "Connection lost. Reconnecting…"
const defaultDelay = 1000

// Zero specificity (:where) and adopted after the page's sheets: any rule of the app's own
// stylesheet that names the class wins, so restyling needs no !important. A constructed
// sheet is not an inline <style>, so a strict style-src CSP does not block it.
const defaultStyles = `
:where(.hyper-connection-banner) {
  position: fixed; top: .75rem; left: 50%; transform: translateX(-50%); z-index: 2147483000;
  padding: .5rem 1rem; border-radius: 999px; font: 500 14px/1.3 system-ui, sans-serif;
  background: #1f2937; color: #fff; box-shadow: 0 4px 14px rgb(0 0 0 / .25);
}
:where(.hyper-connection-banner[hidden]) { display: none; }
`

/**
 * Shows the banner (`.hyper-connection-banner`, `role="status"`) and sets the class
 * `hyper-disconnected` on `<html>` once the socket has been down for the delay. Never during
 * the first connect: only after the socket was open once, or an attempt failed. A page may
 * place its own `.hyper-connection-banner` element (with `hidden`); it is then used instead.
 */
export function installConnectionBanner(hyperLive, options) {
  const text = options.connectionBanner ?? defaultText
  const parsedDelay = Number.parseInt(options.connectionBannerDelay ?? "", 10)
  const delay = Number.isFinite(parsedDelay) && parsedDelay >= 0 ? parsedDelay : defaultDelay
  let armed = false
  let timer = null
  let banner = null

  const show = (down) => {
    document.documentElement.classList.toggle("hyper-disconnected", down)
    if (down && text !== "" && !banner) banner = findOrCreateBanner(text)
    if (banner) banner.hidden = !down
  }

  hyperLive.onStateChange((state) => {
    if (state === "open") {
      armed = true
      clearTimeout(timer)
      timer = null
      show(false)
      return
    }
    // A failed first attempt counts as down; the first "connecting" does not.
    if (state === "closed") armed = true
    if (!armed || timer !== null) return
    timer = setTimeout(() => {
      timer = null
      if (hyperLive.state !== "open") show(true)
    }, delay)
  })
}

function findOrCreateBanner(text) {
  const existing = document.querySelector(".hyper-connection-banner")
  if (existing) return existing
  try {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(defaultStyles)
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
  } catch {
    // An old browser without constructable sheets still gets the banner, unstyled.
  }
  const banner = document.createElement("div")
  banner.className = "hyper-connection-banner"
  banner.setAttribute("role", "status")
  banner.setAttribute("aria-live", "polite")
  banner.hidden = true
  banner.textContent = text
  document.body.appendChild(banner)
  return banner
}
