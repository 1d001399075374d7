import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import Handlebars from 'handlebars';

/**
 * The page frame every memtrail HTML document shares (the report and, later, the diff): Handlebars
 * templates and partials from `templates/`, the inline stylesheet and enhancement script, and a
 * Content-Security-Policy that allows nothing but those. From src/render/ and dist/render/ alike,
 * `../../templates/` is the package's templates folder.
 */
const TEMPLATES_DIR = new URL('../../templates/', import.meta.url);

interface Frame {
  env: typeof Handlebars;
  css: string;
  script: string;
  csp: string;
  compiled: Map<string, Handlebars.TemplateDelegate>;
}

let frame: Frame | null = null;

function readTemplate(relative: string): string {
  return readFileSync(new URL(relative, TEMPLATES_DIR), 'utf8');
}

/** The script is allowed by its hash, so an injected <script> could never run even if escaping failed. */
function contentSecurityPolicy(script: string): string {
  const hash = createHash('sha256').update(script, 'utf8').digest('base64');
  return [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    `script-src 'sha256-${hash}'`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function loadFrame(): Frame {
  if (frame) return frame;
  const env = Handlebars.create();
  for (const file of readdirSync(new URL('partials/', TEMPLATES_DIR))) {
    if (file.endsWith('.hbs')) env.registerPartial(file.slice(0, -'.hbs'.length), readTemplate(`partials/${file}`));
  }
  env.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  const script = readTemplate('assets/enhance.js');
  frame = { env, css: readTemplate('assets/report.css'), script, csp: contentSecurityPolicy(script), compiled: new Map() };
  return frame;
}

/**
 * Renders `templates/<name>.hbs` inside the shared frame (partial `page`). Values in `view` are
 * escaped by `{{ }}`; only Handlebars.SafeString values built by memtrail's own code (chart SVG)
 * pass through unescaped. Prototype access stays disabled (Handlebars ≥ 4.6 default).
 */
export function renderPage(name: string, view: { title: string } & Record<string, unknown>): string {
  const f = loadFrame();
  let template = f.compiled.get(name);
  if (!template) {
    // preventIndent: Handlebars would otherwise indent every output line of an indented partial,
    // including the lines of a <pre> block (remediation file contents).
    template = f.env.compile(readTemplate(`${name}.hbs`), { strict: false, noEscape: false, preventIndent: true });
    f.compiled.set(name, template);
  }
  return template({
    ...view,
    frame: { css: new Handlebars.SafeString(f.css), script: new Handlebars.SafeString(f.script), csp: f.csp },
  });
}
