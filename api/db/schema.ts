import type { CoreTables } from '../core/core.table.js';
import type { MapTables } from '../map/map.table.js';
import type { ConsultationTables } from '../consultations/consultations.table.js';
import type { EventTables } from '../events/events.table.js';
import type { SurveyTables } from '../surveys/surveys.table.js';
import type { GuideTables } from '../guide/guide.table.js';
import type { AdviceTables } from '../advice/advice.table.js';

/** Every table the app reaches through Kysely. Each feature adds its `*.table.ts` interface here. */
export interface Database extends CoreTables, MapTables, ConsultationTables, EventTables, SurveyTables, GuideTables, AdviceTables {}
