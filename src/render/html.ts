import type { ReportJson } from '../model/report.js';
import { renderPage } from './page.js';
import { reportView } from './view/report-view.js';

/** The self-contained HTML postmortem: one file, inline CSS/SVG, no network requests. */
export function renderHtml(report: ReportJson): string {
  return renderPage('report', reportView(report));
}
