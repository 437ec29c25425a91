import { AUTHOR_TYPE_LABELS, DECISION_LABELS, type RemarkStatus } from '../../common/consultations.js';
import type { StaffRemark } from '../../common/consultations.schema.js';
import type * as z from '../../common/zod.js';
import type { Lang } from '../../common/taxonomy.js';
import type { ExportColumn, ExportTable } from '../core/export.js';
import { WHOLE_DOCUMENT } from './consultations.mail.js';

type Key =
  | 'id' | 'status' | 'createdAt' | 'unitLabel' | 'authorType' | 'organisationName' | 'krs' | 'contactName' | 'contactEmail' | 'currentWording' | 'proposedWording'
  | 'justification' | 'supporters' | 'decision' | 'response' | 'answeredAt';

const HEADERS: Record<Lang, Record<Key, string>> = {
  pl: {
    id: 'Identyfikator', status: 'Stan', createdAt: 'Wpłynęła', unitLabel: 'Jednostka redakcyjna', authorType: 'Typ autora', organisationName: 'Organizacja', krs: 'KRS',
    contactName: 'Osoba kontaktowa', contactEmail: 'E-mail', currentWording: 'Obecny zapis', proposedWording: 'Proponowany zapis', justification: 'Uzasadnienie', supporters: 'Poparcie',
    decision: 'Rozstrzygnięcie', response: 'Uzasadnienie rozstrzygnięcia', answeredAt: 'Odpowiedziano',
  },
  en: {
    id: 'Id', status: 'State', createdAt: 'Received', unitLabel: 'Unit of the text', authorType: 'Author type', organisationName: 'Organisation', krs: 'KRS',
    contactName: 'Contact person', contactEmail: 'E-mail', currentWording: 'Current wording', proposedWording: 'Proposed wording', justification: 'Justification', supporters: 'Supported by',
    decision: 'Decision', response: 'Reasons for the decision', answeredAt: 'Answered',
  },
  uk: {
    id: 'Ідентифікатор', status: 'Стан', createdAt: 'Надійшло', unitLabel: 'Структурна одиниця', authorType: 'Тип автора', organisationName: 'Організація', krs: 'KRS',
    contactName: 'Контактна особа', contactEmail: 'Ел. пошта', currentWording: 'Чинна редакція', proposedWording: 'Запропонована редакція', justification: 'Обґрунтування', supporters: 'Підтримка',
    decision: 'Рішення', response: 'Обґрунтування рішення', answeredAt: 'Відповідь надано',
  },
};

const REMARK_STATE_LABELS: Record<RemarkStatus, Record<Lang, string>> = {
  unconfirmed: { pl: 'niepotwierdzona', en: 'unconfirmed', uk: 'не підтверджено' },
  pending: { pl: 'czeka na moderację', en: 'awaiting moderation', uk: 'очікує модерації' },
  published: { pl: 'opublikowana', en: 'published', uk: 'опубліковано' },
  rejected: { pl: 'odrzucona', en: 'rejected', uk: 'відхилено' },
};

const KEYS: readonly Key[] = ['id', 'status', 'createdAt', 'unitLabel', 'authorType', 'organisationName', 'krs', 'contactName', 'contactEmail', 'currentWording', 'proposedWording', 'justification', 'supporters', 'decision', 'response', 'answeredAt'];
const TYPES: Partial<Record<Key, ExportColumn['type']>> = { createdAt: 'datetime', answeredAt: 'datetime', krs: 'text' };

/** Every remark of a consultation, in any state, with its contact data: the staff export (labels in `lang`, times in Warsaw). */
export function staffRemarksTable(remarks: readonly z.output<typeof StaffRemark>[], lang: Lang): ExportTable {
  const h = HEADERS[lang];
  return {
    columns: KEYS.map((key) => ({ key, header: h[key], type: TYPES[key] })),
    rows: remarks.map((r) => ({
      ...r,
      status: REMARK_STATE_LABELS[r.status][lang],
      unitLabel: r.unitLabel ?? WHOLE_DOCUMENT[lang],
      authorType: AUTHOR_TYPE_LABELS[r.authorType][lang],
      supporters: r.supporters.map((s) => s.organisationName),
      decision: r.decision ? DECISION_LABELS[r.decision][lang] : '',
    })),
  };
}
