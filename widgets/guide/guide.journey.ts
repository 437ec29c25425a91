import { nothing, type TemplateResult } from 'lit';
import { html } from 'lit/static-html.js';
import { followAnswers } from '../../common/guide.js';
import type { GuideJourney } from './guide.api.js';
import { articleView, crumbs, hrefOf, journeyView, printLinks, textIn, viewTitle, type GuideUi } from './guide.view.js';

/* Journeys: a step-by-step (steps with deadlines and articles), and a smart answer (a decision tree). */

export type Smart = Extract<GuideJourney, { kind: 'smart' }>;
export type Steps = Extract<GuideJourney, { kind: 'steps' }>;

export function steps(ui: GuideUi, j: Steps): TemplateResult {
  const { t } = ui;
  return html`${crumbs(ui, textIn(ui, j.title))}
    ${viewTitle(ui, textIn(ui, j.title))}
    <p class="lead">${textIn(ui, j.summary)}</p>
    <ol class="steps">
      ${j.steps.map(
        (s, i) => html`<li class="step">
          <${ui.h(1)}><span class="step-no">${t('guide.steps.step', { n: i + 1 })}</span> ${textIn(ui, s.title)}</${ui.h(1)}>
          <p>${textIn(ui, s.text)}</p>
          ${s.deadline ? html`<p class="callout callout-deadline"><strong>${t('guide.steps.deadline')}:</strong> ${textIn(ui, s.deadline)}</p>` : nothing}
          ${s.articles.length
            ? html`<ul class="step-articles">
                ${s.articles.map((a) => html`<li>${t('guide.steps.read')}: ${ui.link(articleView(a.slug), a.title, { lang: a.lang, name: a.title })}</li>`)}
              </ul>`
            : nothing}
        </li>`,
      )}
    </ol>
    ${printLinks(ui)}`;
}

/** The smart answer's state: the answer picked on the open question, and whether Next found none. */
export interface SmartState {
  pending: number | null;
  missing: boolean;
  pick(i: number): void;
  /** Next: goes on with the picked answer after `given`. */
  next(given: number[]): void;
}

/** A smart answer after `answers`: what was answered (each can be changed), then the question or the outcome. */
export function smart(ui: GuideUi, j: Smart, answers: number[], s: SmartState): TemplateResult {
  const { t } = ui;
  const route = followAnswers(j, answers);
  const given = answers.slice(0, route.length - 1);
  const node = j.nodes[route.at(-1)!]!;
  const trail = given.map((a, i) => {
    const q = j.nodes[route[i]!]!;
    return q.kind === 'question' ? { question: q.text, answer: q.answers[a]!.label, back: given.slice(0, i) } : null;
  });
  return html`${crumbs(ui, textIn(ui, j.title))}
    ${viewTitle(ui, textIn(ui, j.title))}
    <p class="lead">${textIn(ui, j.summary)}</p>
    ${given.length
      ? html`<section class="trail" aria-labelledby="trail-title">
          <${ui.h(1)} id="trail-title">${t('guide.smart.answered')}</${ui.h(1)}>
          <ol>
            ${trail.map((x) =>
              x
                ? html`<li>
                    <span class="q">${textIn(ui, x.question)}</span> <strong>${textIn(ui, x.answer)}</strong>
                    <a class="change" href=${hrefOf(journeyView(j.slug, x.back))} aria-label=${t('guide.smart.change', { question: x.question.text })}
                      @click=${(e: MouseEvent) => (e.preventDefault(), ui.go(journeyView(j.slug, x.back), { focus: '#question-title' }))}
                      >${t('guide.smart.change_short')}</a
                    >
                  </li>`
                : nothing,
            )}
          </ol>
        </section>`
      : nothing}
    ${node.kind === 'question'
      ? html`<form class="question" @submit=${(e: Event) => (e.preventDefault(), s.next(given))}>
          <fieldset aria-describedby=${s.missing ? 'answer-error' : nothing}>
            <legend><${ui.h(1)} id="question-title" tabindex="-1">${textIn(ui, node.text)}</${ui.h(1)}></legend>
            ${node.hint ? html`<p class="hint">${textIn(ui, node.hint)}</p>` : nothing}
            ${s.missing ? html`<p class="ngo-error" id="answer-error">${t('guide.smart.choose')}</p>` : nothing}
            ${node.answers.map(
              (a, i) => html`<label class="ngo-check answer"
                ><input type="radio" name="answer" value=${i} .checked=${s.pending === i} @change=${() => s.pick(i)} />
                ${textIn(ui, a.label)}</label
              >`,
            )}
          </fieldset>
          <button type="submit">${t('guide.smart.next')}</button>
        </form>`
      : html`<section class="outcome" aria-labelledby="outcome-title">
          <${ui.h(1)} id="outcome-title" tabindex="-1">${t('guide.smart.outcome')}: ${textIn(ui, node.title)}</${ui.h(1)}>
          <p>${textIn(ui, node.text)}</p>
          ${node.articles.length
            ? html`<ul>${node.articles.map((a) => html`<li>${t('guide.smart.read')}: ${ui.link(articleView(a.slug), a.title, { lang: a.lang, name: a.title })}</li>`)}</ul>`
            : nothing}
          ${node.journey ? html`<p>${ui.link(journeyView(node.journey.slug), html`${t('guide.smart.journey')}: ${node.journey.title}`, { lang: node.journey.lang })}</p>` : nothing}
          <p class="no-print">${ui.link(journeyView(j.slug), t('guide.smart.restart'))}</p>
        </section>`}`;
}
