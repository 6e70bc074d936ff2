import { packageConfig } from "../../tsup.config.base.js";
export default packageConfig();
