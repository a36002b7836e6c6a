// Bundles src/hyper-live.js with the pinned Phoenix packages into one minified classic
// script (an IIFE, so a plain <script defer> tag works without type="module").
// Also writes <output file>.br and <output file>.gz, compressed once here at the highest
// levels, so the server sends them as they are instead of compressing per request.
// Usage: node build.mjs <output file>   (run by Client.targets during dotnet build)
import * as esbuild from "esbuild"
import {readFileSync, writeFileSync} from "node:fs"
import {fileURLToPath} from "node:url"
import {brotliCompressSync, constants, gzipSync} from "node:zlib"

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

const bundle = readFileSync(outfile)
writeFileSync(outfile + ".br", brotliCompressSync(bundle, {
  params: {
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
    [constants.BROTLI_PARAM_SIZE_HINT]: bundle.length,
  },
}))
writeFileSync(outfile + ".gz", gzipSync(bundle, {level: constants.Z_BEST_COMPRESSION}))
