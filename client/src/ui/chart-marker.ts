/**
 * The slider's date on a Chart.js chart: a dashed vertical rule (a tiny inline plugin, no extra
 * package), with an optional caption beside its top. Both charts (factions over time, survival)
 * draw it the same way.
 */
import type { Chart, Plugin } from 'chart.js';

export interface MarkerAt {
  /** Horizontal pixel of the rule. */
  readonly px: number;
  /** Written beside the top of the rule, or null. */
  readonly caption: string | null;
}

/** `at` says where the rule goes on this draw, or null for none. */
export function dateMarker(id: string, at: (chart: Chart) => MarkerAt | null): Plugin {
  return {
    id,
    afterDatasetsDraw: (chart) => {
      const marker = at(chart);
      if (marker === null) return;
      const { top, bottom } = chart.chartArea;
      const ctx = chart.ctx;
      ctx.save();
      ctx.strokeStyle = '#111';
      ctx.lineWidth = 2;
      ctx.setLineDash([4, 3]);
      ctx.beginPath();
      ctx.moveTo(marker.px, top);
      ctx.lineTo(marker.px, bottom);
      ctx.stroke();
      if (marker.caption !== null) {
        ctx.fillStyle = '#111';
        ctx.font = 'bold 11px sans-serif';
        ctx.fillText(marker.caption, marker.px + 4, top + 10);
      }
      ctx.restore();
    },
  };
}
