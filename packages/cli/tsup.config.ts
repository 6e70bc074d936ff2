import { packageConfig } from "../../tsup.config.base.js";
// The library entry (ESM + CJS + .d.ts) and the `supportops` bin (ESM only, with its shebang).
export default [packageConfig(), packageConfig({ entry: ["src/bin.ts"], format: ["esm"], dts: false, clean: false })];
