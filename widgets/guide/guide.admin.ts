import { defineOnce } from '../core/define.js';
import { NgoAdminGuideArticle } from './guide.admin.article.js';
import { NgoAdminGuideEditor } from './guide.admin.editor.js';
import { NgoAdminGuide } from './guide.admin.element.js';
import { NgoAdminGuideJourney } from './guide.admin.journey.js';
import { NgoAdminGuideJourneys } from './guide.admin.journeys.js';
import { NgoAdminGuideList } from './guide.admin.list.js';

export * from './guide.admin.element.js';
export * from './guide.admin.list.js';
export * from './guide.admin.article.js';
export * from './guide.admin.editor.js';
export * from './guide.admin.journeys.js';
export * from './guide.admin.journey.js';

defineOnce('ngo-admin-guide', NgoAdminGuide);
defineOnce('ngo-admin-guide-list', NgoAdminGuideList);
defineOnce('ngo-admin-guide-article', NgoAdminGuideArticle);
defineOnce('ngo-admin-guide-editor', NgoAdminGuideEditor);
defineOnce('ngo-admin-guide-journeys', NgoAdminGuideJourneys);
defineOnce('ngo-admin-guide-journey', NgoAdminGuideJourney);

declare global {
  interface HTMLElementTagNameMap {
    'ngo-admin-guide': NgoAdminGuide;
    'ngo-admin-guide-list': NgoAdminGuideList;
    'ngo-admin-guide-article': NgoAdminGuideArticle;
    'ngo-admin-guide-editor': NgoAdminGuideEditor;
    'ngo-admin-guide-journeys': NgoAdminGuideJourneys;
    'ngo-admin-guide-journey': NgoAdminGuideJourney;
  }
}
