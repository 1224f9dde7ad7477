import type { ReportFormat } from '../render-report.js';
import type { DriftReport } from './drift-report.js';
import { renderDriftHtml } from './render-drift-html.js';
import { renderDriftJunit } from './render-drift-junit.js';
import { renderDriftMarkdown } from './render-drift-markdown.js';

/** Renders a drift report in one of the contract report's formats, with its media type. */
export function renderDrift(report: DriftReport, format: ReportFormat): { contentType: string; body: string } {
  switch (format) {
    case 'json':
      return { contentType: 'application/json; charset=utf-8', body: `${JSON.stringify(report, null, 2)}\n` };
    case 'junit':
      return { contentType: 'application/xml; charset=utf-8', body: renderDriftJunit(report) };
    case 'md':
      return { contentType: 'text/markdown; charset=utf-8', body: renderDriftMarkdown(report) };
    case 'html':
      return { contentType: 'text/html; charset=utf-8', body: renderDriftHtml(report) };
  }
}
