import type { ContractReport } from './contract-report.js';
import { renderHtml } from './render-html.js';
import { renderJunit } from './render-junit.js';
import { renderMarkdown } from './render-markdown.js';

export const REPORT_FORMATS = ['json', 'junit', 'md', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const isReportFormat = (value: string): value is ReportFormat => (REPORT_FORMATS as readonly string[]).includes(value);

/** The file name `returns-mock test` writes each format to. */
export const REPORT_FILE_NAMES: Record<ReportFormat, string> = { json: 'report.json', junit: 'report.xml', md: 'report.md', html: 'report.html' };

/** Renders a report in one format, with the media type to serve it as. */
export function renderReport(report: ContractReport, format: ReportFormat): { contentType: string; body: string } {
  switch (format) {
    case 'json':
      return { contentType: 'application/json; charset=utf-8', body: `${JSON.stringify(report, null, 2)}\n` };
    case 'junit':
      return { contentType: 'application/xml; charset=utf-8', body: renderJunit(report) };
    case 'md':
      return { contentType: 'text/markdown; charset=utf-8', body: renderMarkdown(report) };
    case 'html':
      return { contentType: 'text/html; charset=utf-8', body: renderHtml(report) };
  }
}
