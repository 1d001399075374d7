import type { DiffJson } from '../../diff/types.js';
import { renderPage } from '../page.js';
import { diffView } from './diff-view.js';

/** The self-contained HTML comparison: the report's frame, partials and stylesheet, no requests. */
export function renderDiffHtml(diff: DiffJson): string {
  return renderPage('diff', diffView(diff));
}
