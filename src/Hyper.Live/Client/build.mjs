// Bundles src/hyper-live.js with the pinned Phoenix packages into one minified classic
// script (an IIFE, so a plain <script defer> tag works without type="module").
// Usage: node build.mjs <output file>   (run by Client.targets during dotnet build)
import * as esbuild from "esbuild"
import {fileURLToPath} from "node:url"

const outfile = process.argv[2]
if (!outfile) {
  console.error("usage: node build.mjs <output file>")
  process.exit(2)
}

await esbuild.build({
  entryPoints: [fileURLToPath(new URL("src/hyper-live.js", import.meta.url))],
  outfile,
  bundle: true,
  format: "iife",
  minify: true,
  target: "es2020",
  logLevel: "warning",
})
