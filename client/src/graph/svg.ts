/**
 * SVG export built from the drawn positions: faction boxes, ties, people with their status
 * shape and labels. Written by hand rather than through a plugin so it needs no extra
 * dependency and shows exactly the encodings of the legend.
 */
import type { Core, NodeSingular } from 'cytoscape';
import { FONT, STATUS_LOOK, TIE_LOOK } from './style.js';
import type { StatusGroup } from '../state/status-groups.js';
import type { TieKind } from '../timeline-types.js';
import type { ImageCaption, LegendItem } from './caption.js';

const esc = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function shapePath(shape: string, x: number, y: number, r: number): string {
  const poly = (points: [number, number][]): string => `M${points.map(([a, b]) => `${(x + a * r).toFixed(1)},${(y + b * r).toFixed(1)}`).join('L')}Z`;
  switch (shape) {
    case 'round-triangle':
      return poly([
        [0, -1],
        [1, 0.9],
        [-1, 0.9],
      ]);
    case 'diamond':
      return poly([
        [0, -1],
        [1, 0],
        [0, 1],
        [-1, 0],
      ]);
    case 'square':
      return poly([
        [-0.9, -0.9],
        [0.9, -0.9],
        [0.9, 0.9],
        [-0.9, 0.9],
      ]);
    case 'octagon':
      return poly([
        [-0.4, -1],
        [0.4, -1],
        [1, -0.4],
        [1, 0.4],
        [0.4, 1],
        [-0.4, 1],
        [-1, 0.4],
        [-1, -0.4],
      ]);
    case 'vee':
      return poly([
        [-1, -1],
        [0, -0.3],
        [1, -1],
        [0, 1],
      ]);
    case 'star': {
      const pts: [number, number][] = [];
      for (let i = 0; i < 10; i += 1) {
        const a = (Math.PI / 5) * i - Math.PI / 2;
        const k = i % 2 === 0 ? 1 : 0.45;
        pts.push([Math.cos(a) * k, Math.sin(a) * k]);
      }
      return poly(pts);
    }
    default:
      return `M${x - r},${y}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
  }
}

const LEGEND_WIDTH = 300;
const LEGEND_ROW = 20;

function legendRow(item: LegendItem, x: number, y: number): string {
  const swatch =
    item.kind === 'faction'
      ? `<rect x="${x}" y="${y - 7}" width="16" height="14" fill="${item.colour}"/>`
      : item.kind === 'tie'
        ? `<line x1="${x}" y1="${y}" x2="${x + 24}" y2="${y}" stroke="${item.colour}" stroke-width="3"${item.dash.length > 0 ? ` stroke-dasharray="${item.dash.join(' ')}"` : ''}/>`
        : `<path d="${shapePath(item.shape, x + 8, y, 7)}" fill="${item.fill}" stroke="${item.border}" stroke-width="1.5"/>`;
  return `${swatch}<text x="${x + 30}" y="${y + 4}" font-size="12">${esc(item.label)}</text>`;
}

/** The drawing framed like the PNG: title, date line, legend on the right, source line below. */
export function toSvg(cy: Core, caption: ImageCaption): string {
  const visible = cy.elements(':visible');
  const box = visible.boundingBox({});
  const pad = 30;
  const header = 56;
  const footer = 28;
  const w = Math.max(100, box.w + 2 * pad) + LEGEND_WIDTH;
  const h = Math.max(100, box.h + 2 * pad, (caption.legend.length + 1) * LEGEND_ROW + pad) + header + footer;
  const ox = pad - box.x1;
  const oy = pad + header - box.y1;
  const lx = w - LEGEND_WIDTH;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w.toFixed(0)}" height="${h.toFixed(0)}" viewBox="0 0 ${w.toFixed(0)} ${h.toFixed(0)}" font-family='${FONT}'>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<title>${esc(caption.title)}</title>`,
    `<text x="${pad}" y="24" font-size="18" font-weight="bold">${esc(caption.title)}</text>`,
    `<text x="${pad}" y="44" font-size="13">${esc(caption.subtitle)}</text>`,
    `<text x="${lx}" y="${header + 14}" font-size="13" font-weight="bold">Legend</text>`,
    ...caption.legend.map((item, i) => legendRow(item, lx, header + 14 + (i + 1) * LEGEND_ROW)),
    `<text x="${pad}" y="${(h - footer / 2 + 4).toFixed(0)}" font-size="11" fill="#444444">${esc(caption.source)}</text>`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="context-stroke"/></marker></defs>`,
  ];
  visible.nodes('.faction').forEach((f) => {
    const b = f.boundingBox({ includeLabels: false });
    const colour = String(f.data('colour'));
    out.push(
      `<rect x="${(b.x1 + ox).toFixed(1)}" y="${(b.y1 + oy).toFixed(1)}" width="${b.w.toFixed(1)}" height="${b.h.toFixed(1)}" rx="8" fill="${colour}" fill-opacity="0.14" stroke="${colour}" stroke-width="2"/>`,
      `<text x="${((b.x1 + b.x2) / 2 + ox).toFixed(1)}" y="${(b.y1 + oy - 4).toFixed(1)}" text-anchor="middle" font-size="14" font-weight="bold">${esc(String(f.data('label')))}</text>`,
    );
  });
  visible.edges().forEach((e) => {
    const kind = String(e.data('kind') ?? '') as TieKind;
    const look = TIE_LOOK[kind] ?? { colour: '#B2182B', line: 'dashed', dash: [8, 4], width: 4 };
    const s = e.sourceEndpoint();
    const t = e.targetEndpoint();
    const dash = look.dash.length > 0 ? ` stroke-dasharray="${look.dash.join(' ')}"` : look.line === 'dotted' ? ' stroke-dasharray="2 3"' : '';
    const arrow = e.hasClass('directed') || e.hasClass('chain-link') ? ' marker-end="url(#arrow)"' : '';
    const opacity = e.hasClass('uncertain') || e.hasClass('dim') ? 0.4 : 0.9;
    out.push(
      `<line x1="${(s.x + ox).toFixed(1)}" y1="${(s.y + oy).toFixed(1)}" x2="${(t.x + ox).toFixed(1)}" y2="${(t.y + oy).toFixed(1)}" stroke="${look.colour}" stroke-width="${look.width}" stroke-opacity="${opacity}"${dash}${arrow}/>`,
    );
  });
  visible.nodes('.person').forEach((n: NodeSingular) => {
    const group = (/\bs-(\w+)/.exec(n.classes().join(' '))?.[1] ?? 'active') as StatusGroup;
    const look = STATUS_LOOK[group] ?? STATUS_LOOK.active;
    const p = n.position();
    const fill = look.fill === 'faction' ? String(n.data('colour')) : look.fill;
    const uncertain = n.hasClass('uncertain');
    out.push(
      `<path d="${shapePath(look.shape, p.x + ox, p.y + oy, 11)}" fill="${fill}" stroke="${look.border}" stroke-width="${uncertain ? 3 : look.borderWidth}"${uncertain ? ' stroke-dasharray="4 3" opacity="0.65"' : ''}${n.hasClass('dim') ? ' opacity="0.15"' : ''}/>`,
    );
    String(n.data('label'))
      .split('\n')
      .forEach((line, i) => {
        out.push(`<text x="${(p.x + ox).toFixed(1)}" y="${(p.y + oy + 24 + i * 13).toFixed(1)}" text-anchor="middle" font-size="11">${esc(line)}</text>`);
      });
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
