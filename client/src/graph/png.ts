/** The PNG export: Cytoscape's picture of the graph framed by its caption (graph/caption.ts). */
import type { Core } from 'cytoscape';
import type { ImageCaption, LegendItem } from './caption.js';

const S = 2; // Cytoscape draws at scale 2; the frame matches it.
const FONT = 'system-ui, "Noto Sans", "Noto Sans CJK KR", sans-serif';

function swatch(ctx: CanvasRenderingContext2D, item: LegendItem, x: number, y: number): void {
  ctx.save();
  if (item.kind === 'faction') {
    ctx.fillStyle = item.colour;
    ctx.fillRect(x, y - 7 * S, 16 * S, 14 * S);
  } else if (item.kind === 'tie') {
    ctx.strokeStyle = item.colour;
    ctx.lineWidth = 3 * S;
    ctx.setLineDash(item.dash.map((d) => d * S));
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x + 24 * S, y);
    ctx.stroke();
  } else {
    ctx.fillStyle = item.fill;
    ctx.strokeStyle = item.border;
    ctx.lineWidth = 1.5 * S;
    ctx.beginPath();
    const r = 7 * S;
    const cx = x + 8 * S;
    if (item.shape === 'square') ctx.rect(cx - r, y - r, 2 * r, 2 * r);
    else if (item.shape === 'diamond')
      [
        [0, -r],
        [r, 0],
        [0, r],
        [-r, 0],
      ].forEach(([dx, dy], i) => (i === 0 ? ctx.moveTo(cx + dx!, y + dy!) : ctx.lineTo(cx + dx!, y + dy!)));
    else if (item.shape.includes('triangle') || item.shape === 'vee')
      [
        [0, -r],
        [r, r],
        [-r, r],
      ].forEach(([dx, dy], i) => (i === 0 ? ctx.moveTo(cx + dx!, y + dy!) : ctx.lineTo(cx + dx!, y + dy!)));
    else ctx.arc(cx, y, r, 0, 2 * Math.PI);
    ctx.closePath();
    ctx.fill();
    ctx.stroke();
  }
  ctx.restore();
}

export async function captionedPng(cy: Core, caption: ImageCaption): Promise<Blob> {
  const graph = await createImageBitmap(await cy.png({ output: 'blob-promise', full: true, scale: S, bg: '#ffffff' }));
  const pad = 20 * S;
  const header = 64 * S;
  const footer = 30 * S;
  const row = 22 * S;
  const legendWidth = 320 * S;
  const width = pad + Math.max(graph.width, 400 * S) + pad + legendWidth + pad;
  const height = header + Math.max(graph.height, (caption.legend.length + 1) * row) + footer;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('no 2D canvas to draw the picture on');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#111111';
  ctx.textBaseline = 'middle';
  ctx.font = `bold ${20 * S}px ${FONT}`;
  ctx.fillText(caption.title, pad, 22 * S);
  ctx.font = `${13 * S}px ${FONT}`;
  ctx.fillText(caption.subtitle, pad, 46 * S);
  ctx.drawImage(graph, pad, header);
  const lx = width - pad - legendWidth;
  ctx.font = `bold ${13 * S}px ${FONT}`;
  ctx.fillText('Legend', lx, header + row / 2);
  ctx.font = `${12 * S}px ${FONT}`;
  caption.legend.forEach((item, i) => {
    const y = header + (i + 1.5) * row;
    swatch(ctx, item, lx, y);
    ctx.fillStyle = '#111111';
    ctx.fillText(item.label, lx + 30 * S, y, legendWidth - 30 * S);
  });
  ctx.fillStyle = '#444444';
  ctx.font = `${11 * S}px ${FONT}`;
  ctx.fillText(caption.source, pad, height - footer / 2);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob === null ? reject(new Error('the picture could not be encoded')) : resolve(blob)), 'image/png'),
  );
}
