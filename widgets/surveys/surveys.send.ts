import type { Answers } from '../../common/surveys.js';
import type { SummaryError } from '../core/forms.js';
import type { Lang } from '../core/i18n/index.js';
import type { SubmitController } from '../core/submit.js';
import { responsesPath, type ResponseBody, type ResponseReceived } from './surveys.api.js';
import { blockedBy, issuesPage, keptAnswers, pageProblems, summaryOf, type Blocked, type Loaded, type Page, type Phase } from './surveys.flow.js';
import { ts } from './surveys.i18n.js';

/*
 * Sending the survey's answers from the review, and what each outcome shows. It comes with the
 * question pages (surveys.pages.ts re-exports it), so the first chunk does without it; it changes
 * the element's state only through `SendHost`.
 */

/** The element's state a sending changes. */
export interface SentState {
  phase: Phase;
  status: string;
  sendError: string;
  blocked: Blocked | null;
  errors: Record<string, string>;
  summary: SummaryError[];
}

/** What a sending reads from `<ngo-survey>` and what it does there. */
export interface SendHost {
  /** The widget's language now (it is read again once the answer comes). */
  locale(): Lang;
  survey: string;
  token: string;
  link: string;
  answers: Answers;
  submitter: SubmitController | undefined;
  pages(l: Loaded): Page[];
  show(pageId: string | null): void;
  /** Shows the page's problems; false when there are any. */
  checkPage(l: Loaded, page: Page): boolean;
  updated(): Promise<unknown>;
  patch(state: Partial<SentState>): void;
  /** Forgets the open link's draft. */
  forget(): void;
  focus(selector: string): void;
}

/** Sends the answers, after going to the first page with a problem if there is one. */
export async function sendAnswers(host: SendHost, l: Loaded): Promise<void> {
  const pages = host.pages(l);
  for (const page of pages) {
    if (Object.keys(pageProblems(page, host.answers, host.locale())).length) {
      host.show(page.section.id);
      await host.updated();
      host.checkPage(l, page);
      return;
    }
  }
  const submitter = host.submitter;
  if (!submitter) return;
  const answers = keptAnswers(l.edition.instrument, l.draft.group, host.answers);
  const body: ResponseBody = { ...(host.token ? { token: host.token } : { link: host.link }), answers, lang: host.locale() };
  host.patch({ sendError: '' });
  await submitter.send<ResponseReceived>(
    {
      detail: { kind: 'survey' },
      path: responsesPath(host.survey),
      body,
      // An open link is an anonymous write (proof of work, honeypot); a token is its own proof.
      anonymous: !host.token,
      link: true,
      result: (r) => ({ id: r.edition, status: 'received' }),
      onSending: () => host.patch({ status: ts(host.locale(), 'survey.sending') }),
    },
    (outcome) => {
      if (outcome.ok) {
        host.forget();
        host.patch({ phase: 'done', status: '' });
        host.focus('#done-title');
        return;
      }
      if (outcome.reason === 'canceled') {
        host.patch({ status: '' });
        return;
      }
      const blocked = outcome.reason === 'link' ? 'invalid_link' : blockedBy(outcome.error);
      if (blocked) {
        host.patch({ blocked, status: '' });
        host.focus('#blocked');
        return;
      }
      if (outcome.reason === 'fields') {
        // The server's checks name items (`answers.<id>`): go to the first page with one.
        const lang = host.locale();
        const found = issuesPage(pages, outcome.error.issues, lang);
        if (found) {
          host.show(found.page.section.id);
          host.patch({ errors: found.errors, summary: summaryOf(found.page, found.errors, l.draft.group, lang) });
          host.focus('.ngo-error-summary');
          host.patch({ status: '' });
          return;
        }
      }
      host.patch({ status: '', sendError: ts.error(host.locale(), outcome.error) });
      host.focus('#form-error');
    },
  );
}
