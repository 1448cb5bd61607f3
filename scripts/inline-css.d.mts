import type { IncomingMessage, ServerResponse } from 'node:http';

export const CSS_COOKIE: string;
export interface Stylesheets {
  buildId: string;
  sheets: Map<string, string>;
}
export function loadStylesheets(distDir: string): Stylesheets;
export function absoluteUrls(css: string, href: string): string;
export function inlineStylesheets(head: string, sheets: Map<string, string>): string | null;
export function wantsInlineCss(req: IncomingMessage, buildId: string): boolean;
export function inlineCssInto(res: ServerResponse, stylesheets: Stylesheets, options: { secure: boolean }): void;
