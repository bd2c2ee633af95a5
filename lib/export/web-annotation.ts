/**
 * W3C Web Annotation Data Model (JSON-LD) export of one approved annotation.
 * https://www.w3.org/TR/annotation-model/ — checked against the W3C's own assertions in ./wpt-annotation-model/
 * (see conformance.test.ts).
 *
 * Shape: motivation "assessing"; TextualBody bodies for the verdict (assessing), the rationale (commenting, markdown),
 * the claim type (tagging) and the attribution/provenance (describing, with structured `prov:` terms); the target is a
 * SpecificResource on the article's page with a TextQuoteSelector and a TextPositionSelector counted in Unicode code
 * points, over the article's canonical text. The target's TimeState names the version of the text the selectors point
 * into: `sourceDate` is when that version became current, `cached` its own page (…/articles/<slug>/versions/<n>).
 * The selectors are the stored, approved span: nothing is re-anchored here.
 */
import type { PublicAnnotationDTO, PublicArticleDTO } from "@/lib/domain/types";
import {
  buildTextPositionSelector,
  buildTextQuoteSelector,
  type TextPositionSelector,
  type TextQuoteSelector,
} from "@/lib/anchoring/selectors";
import { annotationApiUrl, annotationPermalink, articleUrl, articleVersionUrl, generatorUrl, reviewerUrl, type ExportContext } from "./config";
import { describeEvidence, describeProvenance } from "./describe";
import { normalizeHttpUrl, orderedChain, orderedEvidence, text, toXsdDateTime } from "./values";

export const WEB_ANNOTATION_CONTENT_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';
export const ANNO_CONTEXT_URL = "http://www.w3.org/ns/anno.jsonld";
/** Namespace of Provenance's own terms (prefix "prov:"). */
export const PROVENANCE_NAMESPACE = "https://provenance.example/ns#";

/** The JSON-LD context of every export: the W3C one, then Provenance's own prefix and term coercions. */
export const WEB_ANNOTATION_CONTEXT = [
  ANNO_CONTEXT_URL,
  {
    prov: PROVENANCE_NAMESPACE,
    "prov:url": { "@type": "@id" },
    "prov:archivedCopy": { "@type": "@id" },
    "prov:chain": { "@container": "@list" },
    "prov:evidence": { "@container": "@set" },
    "prov:approved": { "@type": "http://www.w3.org/2001/XMLSchema#dateTime" },
  },
] as const;

export type WebAnnotationContext = typeof WEB_ANNOTATION_CONTEXT;

export interface Agent {
  id: string;
  type: "Person" | "Software";
  name: string;
  homepage?: string;
}

export interface TextualBody {
  type: "TextualBody";
  purpose: "assessing" | "commenting" | "tagging" | "describing";
  value: string;
  format: "text/plain" | "text/markdown";
  language: string;
  created: string;
  [term: `prov:${string}`]: unknown;
}

/** W3C TimeState: the version of the source the selectors apply to. */
export interface TimeState {
  type: "TimeState";
  sourceDate: string;
  cached: string;
}

export interface AnnotationTarget {
  source: string;
  state: TimeState;
  selector: [TextQuoteSelector, TextPositionSelector] | [TextQuoteSelector];
  styleClass?: string;
  [term: `prov:${string}`]: unknown;
}

export interface WebAnnotation {
  "@context"?: WebAnnotationContext;
  id: string;
  type: "Annotation";
  motivation: "assessing";
  created: string;
  modified: string;
  generated?: string;
  creator: Agent;
  generator: Agent;
  canonical: string;
  rights?: string;
  audience: { type: "schema:Audience"; "schema:audienceType": string };
  stylesheet?: { type: "CssStylesheet"; value: string };
  body: TextualBody[];
  target: AnnotationTarget;
  [term: `prov:${string}`]: unknown;
}

export interface WebAnnotationOptions {
  /** Leave out "@context" (for annotations embedded in a collection or page that carries it). */
  embedded?: boolean;
}

/** One annotation as a W3C Web Annotation. */
export function toWebAnnotation(
  ctx: ExportContext,
  article: PublicArticleDTO,
  a: PublicAnnotationDTO,
  opts: WebAnnotationOptions = {},
): WebAnnotation {
  const language = ctx.language ?? "en";
  const bodyCreated = toXsdDateTime(a.modifiedAt);
  const textBody = (
    purpose: TextualBody["purpose"],
    value: string,
    format: TextualBody["format"] = "text/plain",
  ): TextualBody => ({ type: "TextualBody", purpose, value, format, language, created: bodyCreated });

  const body: TextualBody[] = [
    {
      ...textBody("assessing", a.status.label),
      "prov:status": a.status.slug,
      ...(a.status.rating !== null ? { "prov:rating": a.status.rating } : {}),
    },
  ];
  const rationale = text(a.rationale);
  if (rationale) body.push(textBody("commenting", rationale, "text/markdown"));
  body.push({ ...textBody("tagging", a.claimType.label), "prov:claimType": a.claimType.slug });
  body.push({
    ...textBody("describing", [describeProvenance(a), describeEvidence(a)].filter(Boolean).join(" ")),
    ...provenanceTerms(a),
  });

  const rights = normalizeHttpUrl(ctx.license);
  const styleClass = statusStyleClass(a.status.slug);
  const stylesheet = statusStylesheet(styleClass, a.status.color);
  const annotation: WebAnnotation = {
    ...(opts.embedded ? {} : { "@context": WEB_ANNOTATION_CONTEXT }),
    id: annotationPermalink(ctx, article.slug, a.id),
    type: "Annotation",
    motivation: "assessing",
    created: toXsdDateTime(a.createdAt),
    modified: toXsdDateTime(a.modifiedAt),
    ...(ctx.generatedAt !== undefined ? { generated: toXsdDateTime(ctx.generatedAt) } : {}),
    creator: person(ctx, a.author),
    ...(a.approver ? { "prov:approvedBy": person(ctx, a.approver) } : {}),
    ...(a.approvedAt ? { "prov:approved": toXsdDateTime(a.approvedAt) } : {}),
    generator: { id: generatorUrl(ctx), type: "Software", name: "Provenance" },
    canonical: annotationApiUrl(ctx, a.id),
    ...(rights ? { rights } : {}),
    audience: { type: "schema:Audience", "schema:audienceType": "general public" },
    ...(stylesheet ? { stylesheet } : {}),
    body,
    target: {
      source: articleUrl(ctx, article.slug),
      state: {
        type: "TimeState",
        sourceDate: toXsdDateTime(article.revisionCreatedAt ?? article.updatedAt),
        cached: articleVersionUrl(ctx, article.slug, article.revision),
      },
      selector: selectorsFor(article, a),
      ...(stylesheet ? { styleClass } : {}),
      "prov:revision": article.revision,
      "prov:contentHash": article.contentHash,
    },
  };
  return annotation;
}

function person(ctx: ExportContext, ref: { id: string; name: string }): Agent {
  return { id: reviewerUrl(ctx, ref.id), type: "Person", name: ref.name };
}

/** Structured attribution and provenance in Provenance's own namespace. */
function provenanceTerms(a: PublicAnnotationDTO): Record<`prov:${string}`, unknown> {
  const terms: Record<`prov:${string}`, unknown> = {};
  const wording = text(a.attributionText);
  if (wording) terms["prov:attributionText"] = wording;
  const name = text(a.speakerName);
  const role = text(a.speakerRole);
  if (name || role || a.speakerKind) {
    terms["prov:speaker"] = compact({ "prov:name": name, "prov:kind": a.speakerKind, "prov:role": role });
  }
  const claimDate = text(a.claimDate);
  if (claimDate) terms["prov:claimDate"] = claimDate;
  const chain = orderedChain(a.chain);
  if (chain.length > 0) {
    terms["prov:chain"] = chain.map((hop) =>
      compact({
        "prov:name": hop.source.name,
        "prov:kind": hop.source.kind,
        "prov:url": normalizeHttpUrl(hop.source.url),
        "prov:date": text(hop.source.date),
        "prov:note": text(hop.note),
      }),
    );
  }
  const evidence = orderedEvidence(a.evidence).filter((e) => normalizeHttpUrl(e.url));
  if (evidence.length > 0) {
    terms["prov:evidence"] = evidence.map((e) =>
      compact({
        "prov:url": normalizeHttpUrl(e.url),
        "prov:title": text(e.title),
        "prov:stance": e.stance,
        "prov:archivedCopy": normalizeHttpUrl(e.archivedUrl),
        "prov:note": text(e.note),
      }),
    );
  }
  return terms;
}

function compact<T extends Record<string, unknown>>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
}

/**
 * Quote and code-point position of the stored (approved) span. Offsets that do not hold the stored quote would be a
 * data error: then only the quote is exported, never a wrong position.
 */
function selectorsFor(article: PublicArticleDTO, a: PublicAnnotationDTO): AnnotationTarget["selector"] {
  const { start, end } = a;
  const holds = start >= 0 && end <= article.text.length && start <= end && article.text.slice(start, end) === a.quote.exact;
  if (!holds) return [{ type: "TextQuoteSelector", exact: a.quote.exact, prefix: a.quote.prefix, suffix: a.quote.suffix }];
  return [buildTextQuoteSelector(article.text, start, end), buildTextPositionSelector(article.text, start, end)];
}

/** CSS class for a status highlight, e.g. "prov-status-partly-true". */
export function statusStyleClass(slug: string): string {
  return `prov-status-${slug.toLowerCase().replace(/[^a-z0-9-]+/g, "-")}`;
}

/** An embedded CssStylesheet colouring the highlight like the reader view does; null for a colour that isn't a hex. */
function statusStylesheet(styleClass: string, color: string): { type: "CssStylesheet"; value: string } | null {
  if (!/^#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/.test(color)) return null;
  return { type: "CssStylesheet", value: `.${styleClass} { background-color: ${color}; color: #111827; }` };
}
