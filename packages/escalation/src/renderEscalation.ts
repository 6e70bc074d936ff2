import type { EscalationPackage } from "./EscalationPackageSchema.js";
import { documentOf } from "./internal/render/document.js";
import { renderJira } from "./internal/render/jira.js";
import { renderMarkdown } from "./internal/render/markdown.js";
import { renderText } from "./internal/render/text.js";
import { failWith } from "./internal/fail.js";

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
 * links and ids are shown as code, never as live links; evidence excerpts go in fenced blocks that
 * their content cannot close, with lines over 300 characters cut and excerpts over 60 lines or 4 000
 * characters truncated with a note.
 *
 * @param pkg - a package from {@link createEscalationPackage}
 * @param format - the output format
 * @returns the rendered text, ending with a newline
 * @throws {@link EscalationError} `invalid_render_format` for an unknown format
 * @example
 * renderEscalation(pkg, "markdown").split("\n")[0];
 * // => "# \\[SEV2/P2\\] Checkout returns HTTP 500 for carts with a discount code in eu-west"
 */
export function renderEscalation(pkg: EscalationPackage, format: EscalationRenderFormat): string {
  const blocks = documentOf(pkg);
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
      return failWith("invalid_render_format", ["format"], `unknown format ${JSON.stringify(format)}; use one of ${ESCALATION_RENDER_FORMATS.join(", ")}`);
  }
}
