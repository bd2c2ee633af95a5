/** Exports of approved annotations: W3C Web Annotation JSON-LD, schema.org ClaimReview, CSV. */
export {
  type ExportContext,
  articleUrl,
  articleVersionUrl,
  annotationPermalink,
  annotationApiUrl,
  articleAnnotationsApiUrl,
  reviewerUrl,
} from "./config";
export {
  WEB_ANNOTATION_CONTENT_TYPE,
  WEB_ANNOTATION_CONTEXT,
  ANNO_CONTEXT_URL,
  PROVENANCE_NAMESPACE,
  toWebAnnotation,
  statusStyleClass,
  type WebAnnotation,
  type WebAnnotationContext,
  type WebAnnotationOptions,
  type TextualBody,
  type AnnotationTarget,
  type TimeState,
  type Agent,
} from "./web-annotation";
export {
  toAnnotationCollection,
  toAnnotationPage,
  pageUrl,
  type AnnotationCollection,
  type AnnotationPage,
  type CollectionOptions,
} from "./annotation-collection";
export {
  toClaimReviews,
  toClaimReview,
  claimAuthor,
  toJsonLdScriptContent,
  type ClaimReview,
  type ClaimReviewOptions,
  type ClaimAppearanceArticle,
  type CreativeWork,
  type SchemaAgent,
} from "./claim-review";
export {
  toCsv,
  csvField,
  toAnnotationsCsv,
  ANNOTATION_CSV_HEADER,
  CSV_CONTENT_TYPE,
  type CsvCell,
  type CsvOptions,
} from "./csv";
export { describeProvenance, describeEvidence } from "./describe";
