import { defineOnce } from '../core/define.js';
import { NgoAdminGuideArticle } from './guide.admin.article.js';
import { NgoAdminGuideEditor } from './guide.admin.editor.js';
import { NgoAdminGuide } from './guide.admin.element.js';
import { NgoAdminGuideList } from './guide.admin.list.js';

export * from './guide.admin.element.js';
export * from './guide.admin.list.js';
export * from './guide.admin.article.js';
export * from './guide.admin.editor.js';

defineOnce('ngo-admin-guide', NgoAdminGuide);
defineOnce('ngo-admin-guide-list', NgoAdminGuideList);
defineOnce('ngo-admin-guide-article', NgoAdminGuideArticle);
defineOnce('ngo-admin-guide-editor', NgoAdminGuideEditor);

declare global {
  interface HTMLElementTagNameMap {
    'ngo-admin-guide': NgoAdminGuide;
    'ngo-admin-guide-list': NgoAdminGuideList;
    'ngo-admin-guide-article': NgoAdminGuideArticle;
    'ngo-admin-guide-editor': NgoAdminGuideEditor;
  }
}
