// The translator core's types live in common/i18n.ts, shared with the server.
export { LANGS, type ErrorKeys, type Lang, type Message, type Messages, type PluralForms, type Vars } from '../../../common/i18n.js';
