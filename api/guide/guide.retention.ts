import type { RetentionRule } from '../core/retention.js';
import { eraseFeedbackComments } from './guide.repository.js';

/** Days a "was this helpful?" comment is kept; the vote itself stays as a count. */
export const FEEDBACK_COMMENT_DAYS = 365;

export const GUIDE_RETENTION: readonly RetentionRule[] = [
  // A comment may name a person or a case; after a year it has done its work for the editors.
  {
    name: 'guide:feedback-comments',
    describe: `Comments on guide articles older than ${FEEDBACK_COMMENT_DAYS} days (the helpful/not helpful votes stay)`,
    run: (db, now) => eraseFeedbackComments(db, new Date(now.getTime() - FEEDBACK_COMMENT_DAYS * 86_400_000).toISOString()),
  },
];
