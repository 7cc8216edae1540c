/** What every page renderer receives: the viewer's language, translator and token. */
import type { Lang } from '../deps';
import type { Viewer } from '../session';
import type { Translate } from '../texts';

export interface PageCtx {
  lang: Lang;
  t: Translate;
  viewer: Viewer;
  /** Page token carrying the viewer to links, forms and the socket. */
  token: string;
  /** Same page in the other language. */
  otherLangHref: string;
}

export const withToken = (ctx: PageCtx, path: string, extra: Record<string, string> = {}): string => {
  const q = new URLSearchParams({ t: ctx.token, ...extra });
  return `${path}?${q.toString()}`;
};
