/**
 * Escaping for text from the bundle. Process names, cmdlines, cgroup paths and mount points come
 * from the machine under investigation and may be hostile, so every renderer funnels them
 * through one of these.
 */
const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** For SVG text nodes and attribute values built by the chart code. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ENTITIES[c]!);
}

/**
 * For Markdown table cells and prose (GitHub and Jira): backslash-escapes the punctuation that
 * makes emphasis, code, links, tables and strike-through, plus a list/heading marker at the start;
 * turns `<` `>` `&` into entities so no HTML tag or autolink forms; flattens newlines so a value
 * cannot end a table row or start a block.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/[\\`*_{}[\]|~!]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/^(\s*)([-+#=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/**
 * A fenced code block that the content cannot close: the fence is one backtick longer than the
 * longest backtick run inside.
 */
export function fencedBlock(content: string, language = ''): string {
  const longestRun = Math.max(0, ...[...content.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `${fence}${language}\n${content.replace(/\n$/, '')}\n${fence}`;
}
