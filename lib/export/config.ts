/** What every export needs to know about the deployment: where it lives and who publishes it. */

export interface ExportContext {
  /** Absolute origin (and optional base path) of the app, e.g. "https://provenance.example". No trailing slash needed. */
  baseUrl: string;
  /** The publishing organisation (ClaimReview `author`). */
  publisher: { name: string; url: string };
  /** Optional licence IRI for exported annotations (Web Annotation `rights`), e.g. CC BY 4.0. */
  license?: string;
  /** Language of the reviewers' text (labels, rationales) as a BCP 47 tag. Default "en". */
  language?: string;
  /** Time of serialisation (Web Annotation `generated`); omitted when not given, so output stays deterministic. */
  generatedAt?: string | Date;
}

function base(ctx: ExportContext): string {
  return ctx.baseUrl.replace(/\/+$/, "");
}

export function articleUrl(ctx: ExportContext, slug: string): string {
  return `${base(ctx)}/articles/${encodeURIComponent(slug)}`;
}

/** An earlier version of the article's text, as it was checked ("As checked on DATE"); the current one leads to the article. */
export function articleVersionUrl(ctx: ExportContext, slug: string, revision: number): string {
  return `${articleUrl(ctx, slug)}/versions/${revision}`;
}

export function annotationPermalink(ctx: ExportContext, slug: string, id: string): string {
  const encoded = encodeURIComponent(id);
  return `${articleUrl(ctx, slug)}?annotation=${encoded}#annotation-${encoded}`;
}

export function annotationApiUrl(ctx: ExportContext, id: string): string {
  return `${base(ctx)}/api/v1/annotations/${encodeURIComponent(id)}`;
}

/** Default IRI of an article's AnnotationCollection (Web Annotation Protocol). */
export function articleAnnotationsApiUrl(ctx: ExportContext, slug: string): string {
  return `${base(ctx)}/api/v1/articles/${encodeURIComponent(slug)}/annotations`;
}

export function reviewerUrl(ctx: ExportContext, id: string): string {
  return `${base(ctx)}/reviewers/${encodeURIComponent(id)}`;
}

export function generatorUrl(ctx: ExportContext): string {
  return base(ctx);
}
