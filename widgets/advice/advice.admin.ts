import { defineOnce } from '../core/define.js';
import { NgoAdminAdviceCases } from './advice.admin.cases.js';
import { NgoAdminAdvice } from './advice.admin.element.js';
import { NgoAdminAdviceSlots, NgoAdminAdviceStats } from './advice.admin.slots.js';
import { NgoAdminAdviceTopics } from './advice.admin.topics.js';

export * from './advice.admin.element.js';
export * from './advice.admin.cases.js';
export * from './advice.admin.slots.js';
export * from './advice.admin.topics.js';

defineOnce('ngo-admin-advice', NgoAdminAdvice);
defineOnce('ngo-admin-advice-cases', NgoAdminAdviceCases);
defineOnce('ngo-admin-advice-slots', NgoAdminAdviceSlots);
defineOnce('ngo-admin-advice-stats', NgoAdminAdviceStats);
defineOnce('ngo-admin-advice-topics', NgoAdminAdviceTopics);

declare global {
  interface HTMLElementTagNameMap {
    'ngo-admin-advice': NgoAdminAdvice;
    'ngo-admin-advice-cases': NgoAdminAdviceCases;
    'ngo-admin-advice-slots': NgoAdminAdviceSlots;
    'ngo-admin-advice-stats': NgoAdminAdviceStats;
    'ngo-admin-advice-topics': NgoAdminAdviceTopics;
  }
}
