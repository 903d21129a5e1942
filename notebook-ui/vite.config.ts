import { defineConfig } from "vite";

// `npm run dev` serves the UI on :5173 and proxies the API to a running api-server
// (FLOTILLA_API, default http://127.0.0.1:8080), WebSockets included.
const api = process.env.FLOTILLA_API ?? "http://127.0.0.1:8080";

export default defineConfig({
  build: {
    // Packaged into the notebook-ui jar; Quarkus serves META-INF/resources of its classpath at "/".
    outDir: "target/classes/META-INF/resources",
    emptyOutDir: true,
    // CodeMirror with its Java grammar is most of the bundle; one chunk is fine for an IDE.
    chunkSizeWarningLimit: 1024,
  },
  server: {
    proxy: {
      "/api": { target: api, ws: true, changeOrigin: true },
      "/login-config": { target: api, changeOrigin: true },
    },
  },
});
