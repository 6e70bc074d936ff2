import type { EscalationPackage } from "./EscalationPackageSchema.js";
import { describeValue } from "@supportops/core";
import { failWith } from "./internal/fail.js";
import { packageArgument } from "./internal/packageArgument.js";
import { documentOf } from "./internal/render/document.js";
import { renderJira } from "./internal/render/jira.js";
import { renderMarkdown } from "./internal/render/markdown.js";
import { renderText } from "./internal/render/text.js";

/**
 * The formats {@link renderEscalation} writes.
 *
 * @example
 * ESCALATION_RENDER_FORMATS; // => ["markdown", "github", "jira", "text"]
 */
export const ESCALATION_RENDER_FORMATS = ["markdown", "github", "jira", "text"] as const;

/**
 * One of {@link ESCALATION_RENDER_FORMATS}.
 *
 * @example
 * const format: EscalationRenderFormat = "jira";
 */
export type EscalationRenderFormat = (typeof ESCALATION_RENDER_FORMATS)[number];

/**
 * Renders a package for the place engineering reads it: `markdown` (CommonMark), `github`
 * (GitHub-flavoured, with `@mentions` and `#refs` defused and evidence folded in `<details>`),
 * `jira` (Jira wiki markup) or `text` (plain, wrapped at 100 columns).
 *
 * Every value from the package is untrusted: each format escapes what opens markup in it; control
 * characters become visible (ESC → ␛) and bidi overrides become U+FFFD in all formats; identifiers,
 * links and ids are shown as code, never as live links; bare URLs, `www.` names and email addresses in
 * prose are defused (Markdown: backslash escapes such as `https\://`, GitHub also `ops@<!-- -->example.org`;
 * Jira: entities such as `https&#58;//`), so they read the same and are not clickable; times are UTC
 * ISO-8601; evidence excerpts go in fenced blocks that their content cannot close, with lines over 300
 * characters cut and excerpts over 60 lines or 4 000 characters truncated with a note.
 *
 * @param pkg - a package from {@link createEscalationPackage} (any severity and priority vocabulary), or one
 *   read back from JSON in its stored form
 * @param format - the output format
 * @returns the rendered text, ending with a newline
 * @throws {@link EscalationError} `invalid_argument` for an unknown format (issue `unknown_format`);
 *   `invalid_package` when `pkg` is not a package
 * @example
 * renderEscalation(pkg, "markdown").split("\n")[0];
 * // => "# \\[SEV2/P2\\] Checkout returns HTTP 500 for carts with a discount code in eu-west"
 */
export function renderEscalation(pkg: EscalationPackage<string, string>, format: EscalationRenderFormat): string {
  const checked = packageArgument(pkg);
  if (!(ESCALATION_RENDER_FORMATS as ReadonlyArray<unknown>).includes(format)) {
    failWith("invalid_argument", "unknown_format", ["format"], `unknown format ${describeValue(format)}; use one of ${ESCALATION_RENDER_FORMATS.join(", ")}`);
  }
  const blocks = documentOf(checked);
  switch (format) {
    case "markdown":
      return renderMarkdown(blocks, false);
    case "github":
      return renderMarkdown(blocks, true);
    case "jira":
      return renderJira(blocks);
    case "text":
      return renderText(blocks);
    default:
      return format satisfies never;
  }
}
