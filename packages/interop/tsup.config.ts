import { packageConfig } from "../../tsup.config.base.js";
// One entry per subpath export; shared code (InteropError, the zone table) goes into shared chunks, so
// an error thrown by `@supportops/interop/zendesk` is an instance of the class `@supportops/interop` exports.
export default packageConfig({
  entry: { index: "src/index.ts", zendesk: "src/zendesk/index.ts", servicenow: "src/servicenow/index.ts", freshdesk: "src/freshdesk/index.ts", jsm: "src/jsm/index.ts" },
  splitting: true,
});
