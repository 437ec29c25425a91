import { labelTranslator, type LabelTable, type Labels } from './i18n.js';

/**
 * The audit log's table of actions. Every audited staff action has a row, contributed by the
 * module that owns it (the manifest's `audit`, see `api/core/module.ts`): its words in pl/en/uk
 * and, when it concerns one item, which kind of item and which path parameter names it.
 *
 * A route action is keyed as the OpenAPI document writes the route, `'PUT /v1/admin/guide/articles/{id}'`
 * (the log stores Hono's pattern, `…/:id`; `auditActionKey` turns one into the other); other actions
 * by their name (`login`).
 */
export interface AuditActionDef {
  /** What the staff member did, as a short phrase: "Odpowiedź na uwagę". */
  labels: Labels;
  /** The kind of item it concerns, one of the module's `audit.items`. */
  item?: string;
  /** The path parameter (or detail) that holds the item's id; default: the route's last parameter, or the id the write answered with. */
  param?: string;
}

export type AuditActionTable = Readonly<Record<string, AuditActionDef>>;

/** The key of a stored action in the table of actions: Hono's `:id` (with any pattern) becomes `{id}`. */
export const auditActionKey = (stored: string): string => stored.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}');

/** The stored form of a route action key: `{id}` becomes `:id`. */
export const storedAuditAction = (key: string): string => key.replace(/\{(\w+)\}/g, ':$1');

/** The words of the log's own fields (column headings of the export, the fallback for an unknown action). */
export const AUDIT_FIELD_LABELS = {
  at: { pl: 'Czas (Warszawa)', en: 'Time (Warsaw)', uk: 'Час (Варшава)' },
  staff: { pl: 'Pracownik', en: 'Staff member', uk: 'Працівник' },
  email: { pl: 'E-mail', en: 'E-mail', uk: 'Ел. пошта' },
  module: { pl: 'Moduł', en: 'Module', uk: 'Модуль' },
  action: { pl: 'Czynność', en: 'Action', uk: 'Дія' },
  item: { pl: 'Obiekt', en: 'Item', uk: 'Обʼєкт' },
  link: { pl: 'Link w panelu', en: 'Link in the panel', uk: 'Посилання в панелі' },
  unknown: { pl: 'Inna czynność', en: 'Other action', uk: 'Інша дія' },
  system: { pl: 'system', en: 'system', uk: 'система' },
} as const satisfies LabelTable;
export const tAuditField = /* @__PURE__ */ labelTranslator(AUDIT_FIELD_LABELS);

/** The modules' names in the log (the module filter and column). */
export const AUDIT_MODULE_LABELS: LabelTable = {
  map: { pl: 'Mapa organizacji', en: 'Organisation map', uk: 'Мапа організацій' },
  consultations: { pl: 'Konsultacje', en: 'Consultations', uk: 'Консультації' },
  events: { pl: 'Wydarzenia', en: 'Events', uk: 'Події' },
  surveys: { pl: 'Ankiety', en: 'Surveys', uk: 'Опитування' },
  guide: { pl: 'Poradnik', en: 'Guide', uk: 'Довідник' },
  advice: { pl: 'Doradztwo', en: 'Advice', uk: 'Консультування' },
  admin: { pl: 'Konta pracowników', en: 'Staff accounts', uk: 'Облікові записи працівників' },
  clauses: { pl: 'Ustawienia', en: 'Settings', uk: 'Налаштування' },
  core: { pl: 'System', en: 'System', uk: 'Система' },
};
export const tAuditModule = /* @__PURE__ */ labelTranslator(AUDIT_MODULE_LABELS);
