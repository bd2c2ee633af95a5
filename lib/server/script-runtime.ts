/**
 * For scripts run with tsx (create-admin, the seed), before they load the data layer. The data layer marks itself
 * `import "server-only"`, a package that throws unless the importer runs under React's "react-server" condition,
 * as Next's server bundles do. A script is server code too, so it registers the package's empty server entry in
 * its place. Deliberately without `import "server-only"` itself; never imported by the app.
 */
import Module, { createRequire } from "node:module";
import path from "node:path";

export function enterServerScript(): void {
  const require = createRequire(path.join(process.cwd(), "package.json"));
  const entry = require.resolve("server-only");
  if (require.cache[entry]) return;
  const empty = new Module(entry);
  empty.filename = entry;
  empty.loaded = true;
  empty.exports = {};
  require.cache[entry] = empty;
}
