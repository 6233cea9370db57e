/** The chain panel: ranked purge chains through a person, walked one step at a time. */
import type { Source } from '../model.js';
import { currentPath, pathLabels, stepSentence, type ChainState } from '../state/chain.js';
import { citationList } from './citations.js';
import { h } from './dom.js';

export interface ChainHandlers {
  readonly onPath: (index: number) => void;
  readonly onStep: (delta: number) => void;
  readonly onAnimate: () => void;
  readonly onExit: () => void;
}

const KIND_TEXT = { EVENT_LINK: 'event link', ACCUSATION: 'accusation', ASSOCIATION: 'tie active then' } as const;

export function renderChain(s: ChainState, name: string, sources: ReadonlyMap<string, Source>, animating: boolean, on: ChainHandlers): HTMLElement {
  const head = [
    h('h2', { id: 'chain-title', tabindex: -1 }, `Purge chains through ${name}`),
    h('button', { id: 'chain-exit', onClick: () => on.onExit() }, 'Back to the network'),
  ];
  if (s.status === 'loading') return h('section', { id: 'chain-panel' }, ...head, h('p', {}, 'Tracing purge chains…'));
  if (s.status === 'error') return h('section', { id: 'chain-panel' }, ...head, h('p', { class: 'error', role: 'alert' }, `Could not trace chains: ${s.error ?? 'unknown error'}`));
  const path = currentPath(s);
  if (path === null) {
    return h('section', { id: 'chain-panel' }, ...head, h('p', { id: 'chain-empty' }, `No purge chain is recorded before or after ${name}'s fall: the sources link no earlier or later fall to it.`));
  }
  return h(
    'section',
    { id: 'chain-panel' },
    ...head,
    h(
      'label',
      {},
      'Chain: ',
      h(
        'select',
        { id: 'chain-path', onChange: (e: Event) => on.onPath(Number((e.target as HTMLSelectElement).value)) },
        ...pathLabels(s.paths).map((label, i) => h('option', { value: i, selected: i === s.pathIndex }, `${i + 1}. ${label}`)),
      ),
    ),
    h(
      'div',
      { class: 'chain-controls' },
      h('button', { id: 'chain-prev', disabled: s.step === 0, onClick: () => on.onStep(-1) }, '◀ Step back'),
      ' ',
      h('button', { id: 'chain-next', disabled: s.step >= path.steps.length, onClick: () => on.onStep(1) }, 'Step ▶'),
      ' ',
      h('button', { id: 'chain-animate', 'aria-pressed': String(animating), onClick: () => on.onAnimate() }, animating ? '⏸ Stop' : '▶ Animate chain'),
      h('span', { id: 'chain-progress' }, ` step ${s.step} of ${path.steps.length}`),
    ),
    h(
      'ol',
      { class: 'steps', id: 'chain-steps' },
      ...path.steps.map((step, i) =>
        h(
          'li',
          { class: i === s.step - 1 ? 'current' : i < s.step ? 'revealed' : 'pending', 'aria-current': i === s.step - 1 ? 'step' : undefined },
          h('strong', {}, step.date.iso),
          `: ${stepSentence(step)} `,
          h('span', { class: 'step-kind' }, `(${KIND_TEXT[step.kind]}) `),
          step.certainty === 'CERTAIN' ? null : h('span', { class: `cert ${step.certainty}` }, step.certainty.toLowerCase()),
          citationList(step.citations, sources),
        ),
      ),
    ),
  );
}
