import { tAuthorType, tDecision, tRemarkStatus } from '../../common/consultations.js';
import { dictionaryTranslator } from '../../common/i18n.js';
import type { StaffRemark } from '../../common/consultations.schema.js';
import type * as z from '../../common/zod.js';
import type { Lang } from '../../common/taxonomy.js';
import type { ExportColumn, ExportTable } from '../core/export.js';
import { tMailPart } from './consultations.mail.js';

type Key =
  | 'id' | 'status' | 'createdAt' | 'unitLabel' | 'authorType' | 'organisationName' | 'krs' | 'contactName' | 'contactEmail' | 'currentWording' | 'proposedWording'
  | 'justification' | 'supporters' | 'decision' | 'response' | 'answeredAt';

/** Column headings, on the translator core (common/i18n.ts). */
const tExport = dictionaryTranslator({
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
});

const KEYS: readonly Key[] = ['id', 'status', 'createdAt', 'unitLabel', 'authorType', 'organisationName', 'krs', 'contactName', 'contactEmail', 'currentWording', 'proposedWording', 'justification', 'supporters', 'decision', 'response', 'answeredAt'];
const TYPES: Partial<Record<Key, ExportColumn['type']>> = { createdAt: 'datetime', answeredAt: 'datetime', krs: 'text' };

/** Every remark of a consultation, in any state, with its contact data: the staff export (labels in `lang`, times in Warsaw). */
export function staffRemarksTable(remarks: readonly z.output<typeof StaffRemark>[], lang: Lang): ExportTable {
  return {
    columns: KEYS.map((key) => ({ key, header: tExport(lang, key), type: TYPES[key] })),
    rows: remarks.map((r) => ({
      ...r,
      status: tRemarkStatus(lang, r.status),
      unitLabel: r.unitLabel ?? tMailPart(lang, 'wholeDocument'),
      authorType: tAuthorType(lang, r.authorType),
      supporters: r.supporters.map((s) => s.organisationName),
      decision: r.decision ? tDecision(lang, r.decision) : '',
    })),
  };
}
