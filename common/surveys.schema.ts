import { z } from 'zod';
import type { Instrument, Item } from './surveys.js';
import { HARD_TO_SAY, RESPONDENT_GROUPS, SCALE_POINTS, SURVEY_LIMITS as L } from './surveys.js';

/**
 * The survey instrument: versioned JSON of sections and items. Staff upload it; the JSON Schema
 * generated from it is published at `/v1/surveys/instrument.schema.json`. Objects are strict, so a
 * misspelt key (`revers`) is an error, not silently ignored. What a JSON Schema cannot say
 * (unique ids, conditions that look back, a scale that exists) is checked in `superRefine`, with
 * the path of the offending value.
 */

const Id = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'Use lower-case letters, digits and "_", starting with a letter')
  .max(L.id)
  .meta({ description: 'Stable identifier: editions compare items by it across versions' });

const Text = (max: number = L.text) => z.string().trim().min(1).max(max);
export const TextsSchema = (max: number = L.text) => z.strictObject({ pl: Text(max), en: Text(max), uk: Text(max) });
const Texts = TextsSchema();

const Group = z.enum(RESPONDENT_GROUPS);
const Groups = z.array(Group).min(1).max(RESPONDENT_GROUPS.length).refine((g) => new Set(g).size === g.length, 'A group is listed twice');

const Condition = z.strictObject({
  item: Id.meta({ description: 'An item earlier in the instrument (scale, single or multiple choice)' }),
  anyOf: z.array(z.union([z.string().max(L.id), z.number()])).min(1).max(L.options),
}).meta({ description: 'Show the item only when the answer to `item` is one of `anyOf` (for multiple choice: any ticked option is)' });

const base = {
  id: Id,
  text: Texts,
  textFor: z.partialRecord(Group, Texts).optional().meta({ description: 'Wording for some groups, e.g. the officials\' version of the same question' }),
  help: Texts.optional(),
  required: z.boolean().default(false),
  groups: Groups.optional().meta({ description: 'Only these groups see the item' }),
  showIf: Condition.optional(),
};

const OptionSchema = z.strictObject({ id: Id, text: Texts });
const Options = z.array(OptionSchema).min(2).max(L.options);

const ScaleItem = z.strictObject({
  ...base,
  type: z.literal('scale'),
  scale: Id.meta({ description: 'A key of `scales`' }),
  weight: z.number().positive().max(10).default(1),
  reverse: z.boolean().default(false).meta({ description: 'Scored 5→0 … 1→100: agreeing with a negative statement is a low score' }),
  hardToSay: z.boolean().default(true).meta({ description: 'Offer "hard to say", which counts as missing' }),
});
const SingleItem = z.strictObject({ ...base, type: z.literal('single'), options: Options });
const MultipleItem = z.strictObject({ ...base, type: z.literal('multiple'), options: Options, min: z.int().min(0).optional(), max: z.int().min(1).optional() });
const TextItem = z.strictObject({ ...base, type: z.literal('text'), maxLength: z.int().min(1).max(L.textAnswer).default(2000), multiline: z.boolean().default(true) });
const NumberItem = z.strictObject({
  ...base,
  type: z.literal('number'),
  min: z.number().default(0),
  max: z.number(),
  integer: z.boolean().default(true),
  unit: Texts.optional(),
});

export const ItemSchema = z.discriminatedUnion('type', [ScaleItem, SingleItem, MultipleItem, TextItem, NumberItem]);

const ScaleSchema = z.strictObject({
  points: z.tuple([Texts, Texts, Texts, Texts, Texts]).meta({ description: 'Labels of 1–5, lowest first' }),
  hardToSay: Texts,
});

const SectionSchema = z.strictObject({
  id: Id,
  title: Texts,
  intro: TextsSchema(L.longText).optional(),
  scored: z.boolean().default(true).meta({ description: 'Scored sections enter the index (their scale items are scored)' }),
  groups: Groups.optional(),
  items: z.array(ItemSchema).min(1).max(L.itemsPerSection),
});

const InstrumentObject = z.strictObject({
  $schema: z.string().max(500).optional(),
  title: Texts,
  intro: TextsSchema(L.longText).optional(),
  scales: z.record(Id, ScaleSchema).refine((s) => Object.keys(s).length > 0, 'Define at least one scale'),
  sections: z.array(SectionSchema).min(1).max(L.sections),
});

type Ctx = z.core.$RefinementCtx;
const issue = (ctx: Ctx, path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });

function checkCondition(item: Item, path: (string | number)[], earlier: Map<string, Item>, ctx: Ctx) {
  const cond = item.showIf!;
  const target = earlier.get(cond.item);
  if (!target) {
    issue(ctx, [...path, 'showIf', 'item'], `"${cond.item}" is not an item before this one`);
    return;
  }
  const allowed: (string | number)[] =
    target.type === 'scale' ? [...SCALE_POINTS, ...(target.hardToSay ? [HARD_TO_SAY] : [])]
    : target.type === 'single' || target.type === 'multiple' ? target.options.map((o) => o.id)
    : [];
  if (allowed.length === 0) {
    issue(ctx, [...path, 'showIf', 'item'], `A condition can look at a scale or choice item, not a ${target.type} item`);
    return;
  }
  cond.anyOf.forEach((v, k) => {
    if (!allowed.includes(v)) issue(ctx, [...path, 'showIf', 'anyOf', k], `${JSON.stringify(v)} is not an answer of "${cond.item}"`);
  });
  if (item.groups && target.groups && !item.groups.some((g) => target.groups!.includes(g))) {
    issue(ctx, [...path, 'showIf', 'item'], `"${cond.item}" is never shown to the groups of this item`);
  }
}

function checkItem(item: Item, path: (string | number)[], ctx: Ctx, scales: Record<string, unknown>, sectionGroups: string[] | undefined) {
  if (item.type === 'scale' && !(item.scale in scales)) issue(ctx, [...path, 'scale'], `No scale "${item.scale}" in "scales"`);
  if (item.type === 'single' || item.type === 'multiple') {
    const seen = new Set<string>();
    item.options.forEach((o, k) => {
      if (seen.has(o.id)) issue(ctx, [...path, 'options', k, 'id'], `Option id "${o.id}" is used twice in this item`);
      seen.add(o.id);
    });
  }
  if (item.type === 'multiple') {
    if (item.max !== undefined && item.max > item.options.length) issue(ctx, [...path, 'max'], 'More than there are options');
    if (item.min !== undefined && item.max !== undefined && item.min > item.max) issue(ctx, [...path, 'min'], 'Greater than max');
  }
  if (item.type === 'number' && item.min > item.max) issue(ctx, [...path, 'min'], 'Greater than max');
  if (item.groups && sectionGroups) {
    item.groups.forEach((g, k) => {
      if (!sectionGroups.includes(g)) issue(ctx, [...path, 'groups', k], `The section is not shown to "${g}"`);
    });
  }
  const reach = item.groups ?? sectionGroups;
  for (const g of Object.keys(item.textFor ?? {})) {
    if (reach && !reach.includes(g)) issue(ctx, [...path, 'textFor', g], `The item is not shown to "${g}"`);
  }
}

export const InstrumentSchema = InstrumentObject.superRefine((doc, ctx) => {
  const sectionIds = new Set<string>();
  const earlier = new Map<string, Item>();
  let count = 0;
  doc.sections.forEach((section, s) => {
    if (sectionIds.has(section.id)) issue(ctx, ['sections', s, 'id'], `Section id "${section.id}" is used twice`);
    sectionIds.add(section.id);
    if (section.scored && !section.items.some((i) => i.type === 'scale')) issue(ctx, ['sections', s, 'scored'], 'A scored section needs at least one scale item');
    section.items.forEach((item, i) => {
      const path = ['sections', s, 'items', i];
      if (earlier.has(item.id)) issue(ctx, [...path, 'id'], `Item id "${item.id}" is used twice`);
      checkItem(item as Item, path, ctx, doc.scales, section.groups);
      if (item.showIf) checkCondition(item as Item, path, earlier, ctx);
      earlier.set(item.id, item as Item);
      count++;
    });
  });
  if (count > L.items) issue(ctx, ['sections'], `At most ${L.items} items in all`);
}).meta({ id: 'SurveyInstrument', title: 'LIJW survey instrument', description: 'Versioned JSON of sections and items, with texts in pl, en and uk' });

export type InstrumentInput = z.input<typeof InstrumentSchema>;

/** The instrument as stored and served: the parsed document without its `$schema` hint. */
export function toInstrument(parsed: z.output<typeof InstrumentSchema>): Instrument {
  const { $schema: _hint, ...instrument } = parsed;
  const checked: Instrument = instrument;
  return checked;
}

/** The JSON Schema of an instrument document (what a person writes: defaults optional). */
export const instrumentJsonSchema = () => z.toJSONSchema(InstrumentObject, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' });

