import type { Flag, Timestamp } from '../core/core.table.js';
import type { JourneyKind } from '../../common/guide.js';

/** A chapter of the guide's tree; chapters nest through `parent_id`. */
export interface GuideChapterTable {
  id: string;
  slug: string;
  parent_id: string | null;
  position: number;
  /** JSON `LocalText`: `{ pl, en?, uk? }`. */
  title: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** An article: what stays across its versions (where it sits, its tags and links). */
export interface GuideArticleTable {
  id: string;
  slug: string;
  chapter_id: string;
  position: number;
  /** JSON `string[]`: area and advice-topic slugs. */
  tags: string;
  /** JSON `string[]`: slugs of related articles. */
  related: string;
  /** JSON `GuideLink[]`. */
  links: string;
  /** The day staff last confirmed the article is up to date. */
  reviewed_on: string | null;
  /** The day the next review is due, when staff set one; null: a year after `reviewed_on`. */
  review_on: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/**
 * A version of an article. A draft (at most one per article) has no dates; a published version is
 * in force from `in_force_from` (a day, possibly in the future: scheduled) until `in_force_until`
 * (inclusive) or the next version's start. Published versions are never edited.
 */
export interface GuideArticleVersionTable {
  id: string;
  article_id: string;
  status: 'draft' | 'published';
  in_force_from: string | null;
  in_force_until: string | null;
  /** JSON `ArticleContent`: `{ pl: { title, summary, body, easy? }, en?, uk? }` (Markdown). */
  content: string;
  note: string | null;
  created_by: string | null;
  created_at: Timestamp;
  published_at: Timestamp | null;
}

/** Folded words of a published version in one language; `token >= q AND token < prefixEnd(q)` is an index range. */
export interface GuideTokenTable {
  token: string;
  version_id: string;
  article_id: string;
}

/** A step-by-step or a smart answer, with its draft and its published content. */
export interface GuideJourneyTable {
  id: string;
  slug: string;
  kind: JourneyKind;
  position: number;
  tags: string;
  /** JSON `JourneyContent` being edited, or null. */
  draft: string | null;
  /** JSON `JourneyContent` the public sees, or null before the first publication. */
  published: string | null;
  published_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Folded words of a published journey's titles and summary. */
export interface GuideJourneyTokenTable {
  token: string;
  journey_id: string;
}

/** "Was this helpful?" on an article. The comment is erased after the retention period; the vote stays. */
export interface GuideFeedbackTable {
  id: string;
  article_id: string;
  version_id: string | null;
  helpful: Flag;
  comment: string | null;
  lang: string;
  created_at: Timestamp;
}

export interface GuideTables {
  guide_chapter: GuideChapterTable;
  guide_article: GuideArticleTable;
  guide_article_version: GuideArticleVersionTable;
  guide_token: GuideTokenTable;
  guide_journey: GuideJourneyTable;
  guide_journey_token: GuideJourneyTokenTable;
  guide_feedback: GuideFeedbackTable;
}
