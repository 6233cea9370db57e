/** The legend, drawn from the same tables as the graph style so the two cannot disagree. */
import { STATUS_LOOK, TIE_LOOK } from '../graph/style.js';
import type { Faction, TieKind } from '../timeline-types.js';
import { STATUS_GROUPS, STATUS_LABEL } from '../state/status-groups.js';
import { h, replace } from './dom.js';

const NS = 'http://www.w3.org/2000/svg';

function svg(width: number, height: number, inner: string): SVGSVGElement {
  const el = document.createElementNS(NS, 'svg');
  el.setAttribute('width', String(width));
  el.setAttribute('height', String(height));
  el.setAttribute('aria-hidden', 'true');
  el.innerHTML = inner;
  return el;
}

const SHAPES: Record<string, string> = {
  ellipse: '<circle cx="10" cy="10" r="8"/>',
  'round-triangle': '<path d="M10 2L18 17H2Z"/>',
  diamond: '<path d="M10 1L19 10L10 19L1 10Z"/>',
  square: '<rect x="2" y="2" width="16" height="16"/>',
  octagon: '<path d="M6 1H14L19 6V14L14 19H6L1 14V6Z"/>',
  vee: '<path d="M1 2L10 9L19 2L10 19Z"/>',
  star: '<path d="M10 1L12.5 7.5L19 7.5L14 12L16 19L10 15L4 19L6 12L1 7.5L7.5 7.5Z"/>',
};

function row(icon: SVGSVGElement, text: string): HTMLElement {
  return h('div', { class: 'legend-row' }, icon, text);
}

export function renderLegend(root: HTMLElement, factions: readonly Faction[], colours: ReadonlyMap<string, string>): void {
  const statuses = STATUS_GROUPS.map((g) => {
    const look = STATUS_LOOK[g];
    const fill = look.fill === 'faction' ? '#56B4E9' : look.fill;
    const shape = (SHAPES[look.shape] ?? SHAPES.ellipse ?? '').replace('/>', ` fill="${fill}" stroke="${look.border}" stroke-width="2"/>`);
    return row(svg(20, 20, shape), STATUS_LABEL[g]);
  });
  const ties = (Object.keys(TIE_LOOK) as TieKind[]).map((kind) => {
    const look = TIE_LOOK[kind];
    const dash = look.dash.length > 0 ? `stroke-dasharray="${look.dash.join(' ')}"` : look.line === 'dotted' ? 'stroke-dasharray="2 3"' : '';
    const arrow = kind === 'DENUNCIATION' || kind === 'PATRONAGE' ? `<path d="M28 5L36 10L28 15Z" fill="${look.colour}"/>` : '';
    const line = `<line x1="2" y1="10" x2="30" y2="10" stroke="${look.colour}" stroke-width="${look.width}" ${dash}/>`;
    return row(svg(38, 20, line + arrow), look.label);
  });
  replace(
    root,
    h('h4', {}, 'Factions (box and fill colour)'),
    ...factions.map((f) => h('div', { class: 'legend-row' }, h('span', { class: 'swatch', style: `background:${colours.get(f.id) ?? '#bbb'}` }), f.name)),
    h('h4', {}, 'Status at the date (shape)'),
    ...statuses,
    h('h4', {}, 'Certainty (a missing date is never read as "always")'),
    h(
      'p',
      { class: 'legend-note' },
      'Without a recorded start, a membership or tie begins at its first attestation (the earliest dated, cited fact that shows it). ' +
        'Without a recorded end it stops at death, execution or flight abroad, or fades out after its last attestation. ' +
        'Nobody is a member of a faction before it formed or after it dissolved.',
    ),
    row(
      svg(20, 20, '<circle cx="10" cy="10" r="8" fill="#56B4E9" stroke="#111" stroke-width="2.5" stroke-dasharray="3 2" opacity="0.65"/>'),
      'Dashed, pale: status uncertain (date imprecise, fact not certain, or carried past the last attested fact)',
    ),
    row(
      svg(20, 20, '<circle cx="10" cy="10" r="8" fill="#fff" stroke="#8a8a8a" stroke-width="1.5" stroke-dasharray="1 2" opacity="0.45"/>'),
      'Pale hollow ghost: not attested at this date (the sources are silent; nothing is claimed)',
    ),
    row(
      svg(
        20,
        20,
        '<circle cx="10" cy="10" r="6" fill="#56B4E9" stroke="#111"/><circle cx="10" cy="10" r="9" fill="none" stroke="#777" stroke-dasharray="2 2"/>',
      ),
      'Dotted ring: membership only possible at this date (inferred or uncertain bounds)',
    ),
    row(
      svg(20, 20, '<circle cx="10" cy="10" r="8" fill="#56B4E9" fill-opacity="0.5" stroke="#111"/>'),
      "Faded fill: former member (membership has ended), seated beside the old faction's box, outside it",
    ),
    row(svg(38, 20, '<line x1="2" y1="10" x2="34" y2="10" stroke="#0072B2" stroke-width="2.5" opacity="0.45"/>'), 'Faded line: tie only possible at this date'),
    row(
      svg(
        38,
        20,
        '<rect x="2" y="4" width="34" height="12" fill="#56B4E9" fill-opacity="0.2"/><line x1="2" y1="16" x2="36" y2="16" stroke="#56B4E9" stroke-width="2.5"/>',
      ),
      'Chart: line = known members; shaded band above = possible members',
    ),
    h('h4', {}, 'Ties (line colour and pattern; arrow = direction)'),
    ...ties,
    h('h4', {}, 'Chain and compare modes'),
    row(
      svg(
        38,
        20,
        '<line x1="2" y1="10" x2="30" y2="10" stroke="#B2182B" stroke-width="4" stroke-dasharray="8 4"/><path d="M28 4L37 10L28 16Z" fill="#B2182B"/>',
      ),
      'Purge chain step (earlier fall → later fall)',
    ),
    row(
      svg(20, 20, '<circle cx="10" cy="10" r="9" fill="#B2182B" opacity="0.35"/><circle cx="10" cy="10" r="5" fill="#56B4E9"/>'),
      'Halo red: on the chain / fell between the dates',
    ),
    row(
      svg(20, 20, '<circle cx="10" cy="10" r="9" fill="#009E73" opacity="0.45"/><circle cx="10" cy="10" r="5" fill="#56B4E9"/>'),
      'Halo green: rose (rehabilitated)',
    ),
    row(
      svg(20, 20, '<circle cx="10" cy="10" r="9" fill="#56B4E9" opacity="0.4"/><circle cx="10" cy="10" r="5" fill="#56B4E9"/>'),
      'Halo light blue: joined (first attested between the dates)',
    ),
    row(
      svg(20, 20, '<circle cx="10" cy="10" r="7" fill="#fff" opacity="0.35" stroke="#777" stroke-width="2.5" stroke-dasharray="2 2"/>'),
      'Grey ghost: no longer attested by the later date (not a fall)',
    ),
    row(
      svg(20, 20, '<circle cx="10" cy="10" r="9" fill="#0072B2" opacity="0.35"/><circle cx="10" cy="10" r="5" fill="#56B4E9"/>'),
      'Halo blue: changed faction',
    ),
    row(
      svg(20, 20, '<circle cx="10" cy="10" r="7" fill="#56B4E9" opacity="0.35" stroke="#B2182B" stroke-width="2.5" stroke-dasharray="2 2"/>'),
      'Red ghost: hidden by a filter at the later date',
    ),
  );
}
