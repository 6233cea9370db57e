/**
 * Survival by faction: Kaplan–Meier step curves (Query.survival), with a rule at the slider's
 * date, the value of each curve then, what "censored" means, and the rule as docs/analysis.md
 * states it (bundled from the doc itself, so the two cannot drift).
 */
import { Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type Plugin } from 'chart.js';
import analysisDoc from '../../../docs/analysis.md?raw';
import { dayLabel, failureText, FEW_AT_RISK, survivalOn, survivalSteps, survivalThinOn, type Fetched, type SurvivalCurve } from '../state/analysis.js';
import { yearOf } from '../state/dates.js';
import { dateMarker } from './chart-marker.js';
import { h, replace } from './dom.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, Legend, Tooltip);

/** The "## survival" section of docs/analysis.md. */
function survivalRule(): string {
  const start = analysisDoc.indexOf('## survival');
  if (start < 0) return 'See docs/analysis.md, "survival".';
  const end = analysisDoc.indexOf('\n## ', start + 3);
  return analysisDoc.slice(start, end < 0 ? undefined : end).trim();
}

export class SurvivalChart {
  private chart: Chart | null = null;
  private day = 0;
  private curves: readonly SurvivalCurve[] = [];
  private readonly canvas: HTMLCanvasElement;
  private readonly status: HTMLElement;
  private readonly now: HTMLElement;
  private readonly tableBox: HTMLDetailsElement;

  constructor(
    root: HTMLElement,
    private readonly colours: ReadonlyMap<string, string>,
    private readonly subGroups: ReadonlySet<string>,
  ) {
    this.canvas = h('canvas', {
      id: 'survival-chart',
      role: 'img',
      'aria-label': 'Kaplan–Meier survival per faction: the share of members not yet fallen, by date',
    });
    this.status = h('p', { id: 'survival-status', class: 'legend-note' });
    this.now = h('p', { id: 'survival-now', class: 'legend-note' });
    this.tableBox = h('details', { id: 'survival-table-box' }, h('summary', {}, 'The curves as a table'));
    replace(
      root,
      h(
        'div',
        { class: 'survival-layout' },
        h(
          'div',
          { class: 'survival-text' },
          h(
            'p',
            { class: 'legend-note', id: 'survival-explain' },
            'Share of each faction’s members not yet fallen (demoted, expelled, arrested, imprisoned, executed, fled abroad…), by date: a Kaplan–Meier estimate. ' +
              'Censored (×): a member who leaves the record without a fall — dead of other causes, membership ended, or no longer attested — counts as at risk until then; ' +
              'the curve claims nothing about them after. Few members at risk make the curve jump: ' +
              `from a fall among fewer than ${FEW_AT_RISK} members at risk on, a curve is drawn dotted and faint, and the table marks its estimate with *.`,
          ),
          h('details', { id: 'survival-rule' }, h('summary', {}, 'The rule (docs/analysis.md)'), h('pre', { class: 'doc-excerpt' }, survivalRule())),
          this.status,
          this.now,
          this.tableBox,
        ),
        h('div', { class: 'chart-box' }, this.canvas),
      ),
    );
  }

  show(what: Fetched<readonly SurvivalCurve[]>): void {
    if (what.state === 'loading') {
      this.status.textContent = 'Computing survival…';
      return;
    }
    if (what.state === 'failed') {
      replace(this.status, h('span', { class: 'error', role: 'alert', 'data-code': what.code }, failureText(what.code, what.message)));
      return;
    }
    if (what.state === 'off') return;
    this.curves = what.answer.filter((c) => c.points.length > 0);
    this.status.textContent =
      this.curves.length === 0 ? 'No member of the factions shown has a dated fall or an end in the record at this certainty: there is no curve to draw.' : '';
    this.draw();
    this.renderNow();
  }

  setDay(day: number): void {
    if (day === this.day) return;
    this.day = day;
    this.chart?.draw();
    this.renderNow();
  }

  private renderNow(): void {
    const values = this.curves.map((c) => {
      const s = survivalOn(c, this.day);
      return `${c.factionName} ${s === null ? 'no fall or exit recorded yet' : s.toFixed(2)}`;
    });
    this.now.textContent = values.length === 0 ? '' : `On ${dayLabel(this.day)}: ${values.join('; ')}.`;
    replace(
      this.tableBox,
      h('summary', {}, 'The curves as a table'),
      h(
        'table',
        { id: 'survival-table', class: 'data-table' },
        h(
          'caption',
          {},
          `Falls, censorings and the estimate on ${dayLabel(this.day)}, per faction (* rests on a fall among fewer than ${FEW_AT_RISK} at risk)`,
        ),
        h('thead', {}, h('tr', {}, ...['Faction', 'Falls', 'Censored', `Estimate on ${dayLabel(this.day)}`].map((c) => h('th', { scope: 'col' }, c)))),
        h(
          'tbody',
          {},
          ...this.curves.map((c) => {
            const fallen = c.points.reduce((n, p) => n + p.fallen, 0);
            const censored = c.points.reduce((n, p) => n + p.censored, 0);
            const s = survivalOn(c, this.day);
            return h(
              'tr',
              { 'data-faction': c.factionId },
              h('th', { scope: 'row' }, c.factionName),
              h('td', {}, String(fallen)),
              h('td', {}, String(censored)),
              h('td', {}, s === null ? '—' : `${s.toFixed(2)}${survivalThinOn(c, this.day) ? ' *' : ''}`),
            );
          }),
        ),
      ),
    );
  }

  private draw(): void {
    const datasets = this.curves.map((c) => {
      const colour = this.colours.get(c.factionId) ?? '#999';
      const points = survivalSteps(c);
      return {
        type: 'line' as const,
        label: c.factionName,
        data: points.map((p) => ({ x: p.x, y: p.y })),
        // Per point: how many were at risk, fell and were censored (the tooltip says it).
        counts: [{ atRisk: 0, fallen: 0, censored: 0 }, ...c.points],
        borderColor: colour,
        backgroundColor: colour,
        borderWidth: 2,
        borderDash: this.subGroups.has(c.factionId) ? [6, 4] : [],
        // Chart.js 'before': the line stays at a point's value until the next point, then steps to
        // it, as a Kaplan–Meier estimate does. ('after' stepped at the previous point, so every fall
        // was drawn one point early: the Guerrilla drop of 1969 showed in 1957.)
        stepped: 'before' as const,
        // Dotted and faint from a fall among fewer than FEW_AT_RISK at risk on: what follows rests on it.
        segment: {
          borderDash: (ctx: { p0DataIndex: number }) => (points[ctx.p0DataIndex]?.thin === true ? [2, 3] : undefined),
          borderColor: (ctx: { p0DataIndex: number }) => (points[ctx.p0DataIndex]?.thin === true ? `${colour}88` : undefined),
        },
        pointStyle: 'crossRot' as const,
        pointRadius: points.map((p) => (p.censored > 0 ? 4 : 0)),
        pointHoverRadius: 4,
      };
    });
    if (this.chart !== null) {
      this.chart.data.datasets = datasets;
      this.chart.update();
      return;
    }
    this.chart = new Chart(this.canvas, {
      type: 'line',
      data: { datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        parsing: false,
        scales: {
          x: { type: 'linear', ticks: { callback: (v) => String(yearOf(Number(v))), maxTicksLimit: 12 } },
          y: { min: 0, max: 1, title: { display: true, text: 'share not yet fallen' } },
        },
        plugins: {
          legend: { position: 'right', labels: { boxWidth: 14, font: { size: 11 } } },
          tooltip: {
            callbacks: {
              title: (items) => (items[0] === undefined ? '' : dayLabel(Number(items[0].parsed.x))),
              // A curve's drop means little without its risk set: one fall among two is half.
              label: (item) => {
                const counts = (item.dataset as { counts?: readonly { atRisk: number; fallen: number; censored: number }[] }).counts?.[item.dataIndex];
                const value = `${item.dataset.label ?? ''}: ${Number(item.parsed.y).toFixed(2)}`;
                return counts === undefined || item.dataIndex === 0
                  ? value
                  : `${value} (${counts.atRisk} at risk, ${counts.fallen} fell, ${counts.censored} censored)`;
              },
            },
          },
        },
      },
      plugins: [this.marker()],
    });
  }

  /** The rule at the slider's date (none outside the chart area). */
  private marker(): Plugin {
    return dateMarker('survival-day-marker', (chart) => {
      const x = chart.scales['x'];
      if (x === undefined || this.curves.length === 0) return null;
      const px = x.getPixelForValue(this.day);
      const { left, right } = chart.chartArea;
      return px < left || px > right ? null : { px, caption: null };
    });
  }
}
