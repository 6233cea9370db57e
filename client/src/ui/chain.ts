/** The chain panel: ranked purge chains through a person, walked one step at a time. */
import type { Source } from '../timeline-types.js';
import { currentPath, offeredPaths, pathLabels, stepSentence, type ChainState } from '../state/chain.js';
import { citationList } from './citations.js';
import { h } from './dom.js';

export interface ChainHandlers {
  readonly onPath: (index: number) => void;
  readonly onStep: (delta: number) => void;
  readonly onAnimate: () => void;
  /** Show only the paths that hold with CERTAIN facts alone (or all again). */
  readonly onCertainOnly: (on: boolean) => void;
  readonly onExit: () => void;
}

const KIND_TEXT = { EVENT_LINK: 'event link', ACCUSATION: 'accusation', ASSOCIATION: 'tie active then' } as const;

const weakest = (c: string | undefined): string => (c === undefined ? 'unknown' : c.toLowerCase());

export function renderChain(s: ChainState, name: string, sources: ReadonlyMap<string, Source>, animating: boolean, on: ChainHandlers): HTMLElement {
  const head = [
    h('h2', { id: 'chain-title', tabindex: -1 }, `Purge chains through ${name}`),
    h('button', { id: 'chain-exit', onClick: () => on.onExit() }, 'Back to the network'),
  ];
  if (s.status === 'loading') return h('section', { id: 'chain-panel' }, ...head, h('p', {}, 'Tracing purge chains…'));
  if (s.status === 'error')
    return h('section', { id: 'chain-panel' }, ...head, h('p', { class: 'error', role: 'alert' }, `Could not trace chains: ${s.error ?? 'unknown error'}`));
  const path = currentPath(s);
  if (s.paths.length === 0) {
    return h(
      'section',
      { id: 'chain-panel' },
      ...head,
      h('p', { id: 'chain-empty' }, `No purge chain is recorded before or after ${name}'s fall: the sources link no earlier or later fall to it.`),
    );
  }
  const toggle = h(
    'label',
    { class: 'chain-certain' },
    h('input', {
      type: 'checkbox',
      id: 'chain-certain-only',
      checked: s.certainOnly,
      onChange: (e: Event) => on.onCertainOnly((e.target as HTMLInputElement).checked),
    }),
    ' Only chains that hold with certain facts alone',
  );
  const offered = offeredPaths(s);
  if (path === null) {
    return h(
      'section',
      { id: 'chain-panel' },
      ...head,
      toggle,
      h(
        'p',
        { id: 'chain-empty' },
        `None of the ${s.paths.length} purge chain${s.paths.length === 1 ? '' : 's'} through ${name} holds with certain facts alone: each rests on at least one probable or possible step. Untick the box to see them.`,
      ),
    );
  }
  const labels = pathLabels(s.paths);
  const hiddenCount = s.paths.length - offered.length;
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
        ...offered.map((i) =>
          h('option', { value: i, selected: i === s.pathIndex }, `${i + 1}. ${labels[i] ?? ''}, weakest step ${weakest(s.paths[i]?.weakestCertainty)}`),
        ),
      ),
    ),
    toggle,
    hiddenCount > 0
      ? h('span', { id: 'chain-hidden-count', class: 'legend-note' }, ` (${hiddenCount} hidden: they rest on a probable or possible step)`)
      : null,
    h(
      'p',
      { id: 'chain-weakest', class: 'legend-note' },
      `Weakest step: ${weakest(path.weakestCertainty)}. `,
      path.holdsWithCertainOnly ? 'This chain holds with certain facts alone.' : 'This chain does not hold with certain facts alone.',
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
