/**
 * Factions over time: free members per faction (a line for those known, a band up to those
 * possible) and people purged per year (bars),
 * with a marker at the slider's year. Clicking a year moves the slider there.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type Plugin,
} from 'chart.js';
import { chartTable, type ChartSeries } from '../state/chart-data.js';
import { dateMarker } from './chart-marker.js';
import { h, replace } from './dom.js';

Chart.register(LineController, LineElement, PointElement, BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip, Filler);

export class FactionChart {
  private chart: Chart | null = null;
  private year = 0;
  private series: ChartSeries | null = null;
  private readonly canvas: HTMLCanvasElement;
  /** The same series as a table, for screen readers and for reading exact counts. */
  private readonly tableBox: HTMLDetailsElement;

  constructor(
    root: HTMLElement,
    private readonly colours: ReadonlyMap<string, string>,
    private readonly onYear: (year: number) => void,
  ) {
    this.canvas = h('canvas', {
      id: 'faction-chart',
      role: 'img',
      'aria-label': 'Members per faction per year (known, with a band up to possible), and purges per year',
    });
    this.tableBox = h('details', { id: 'chart-table-box' }, h('summary', {}, 'The chart as a table'));
    replace(root, h('div', { class: 'chart-box' }, this.canvas), this.tableBox);
  }

  private renderTable(series: ChartSeries): void {
    const table = chartTable(series);
    replace(
      this.tableBox,
      h('summary', {}, 'The chart as a table'),
      h(
        'table',
        { id: 'chart-table', class: 'data-table' },
        h('caption', {}, 'Free members per faction at mid-year (known–possible) and people purged per year, under the current filters'),
        h('thead', {}, h('tr', {}, ...table.headers.map((c) => h('th', { scope: 'col' }, c)))),
        h(
          'tbody',
          {},
          ...table.rows.map((row) =>
            h(
              'tr',
              { 'data-year': row.year, 'aria-current': row.year === this.year ? 'true' : undefined },
              ...row.cells.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, c) : h('td', {}, c))),
            ),
          ),
        ),
      ),
    );
  }

  setData(series: ChartSeries): void {
    this.series = series;
    this.renderTable(series);
    const labels = series.years.map(String);
    const datasets = [
      // Each faction is a band: the solid line counts those known to be free members, the
      // shaded band above it reaches those who may be (undated or inferred memberships,
      // uncertain statuses). Unknown is drawn as unknown, never as a count.
      ...series.members.flatMap((m) => {
        const colour = this.colours.get(m.faction.id) ?? '#999';
        // A sub-group shares its parent's hue (see state/palette.ts), so its line is dashed
        // and its points are squares to keep the two apart in the chart and its legend.
        const sub = m.faction.parentId !== null;
        return [
          {
            type: 'line' as const,
            label: `${m.faction.name}: known members`,
            data: [...m.known],
            borderColor: colour,
            backgroundColor: colour,
            borderWidth: 2.5,
            borderDash: sub ? [6, 4] : [],
            pointStyle: sub ? 'rect' : 'circle',
            pointRadius: 2,
            yAxisID: 'y',
          },
          {
            type: 'line' as const,
            label: `${m.faction.name}: possible members (band)`,
            data: [...m.possible],
            borderColor: colour,
            backgroundColor: `${colour}33`,
            borderWidth: 1,
            borderDash: [2, 3],
            pointRadius: 0,
            fill: '-1',
            yAxisID: 'y',
          },
        ];
      }),
      {
        type: 'bar' as const,
        label: 'People purged',
        data: [...series.purges],
        backgroundColor: 'rgba(178, 24, 43, 0.45)',
        borderColor: '#B2182B',
        borderWidth: 1,
        yAxisID: 'y',
      },
    ];
    if (this.chart === null) {
      this.chart = new Chart(this.canvas, {
        data: { labels, datasets },
        options: {
          animation: false,
          responsive: true,
          maintainAspectRatio: false,
          interaction: { mode: 'index', intersect: false },
          scales: { y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'people' } } },
          plugins: { legend: { position: 'right', labels: { boxWidth: 14, font: { size: 11 } } } },
          onClick: (_event, _elements, chart) => {
            const x = chart.scales.x;
            const position = _event.x;
            if (x === undefined || position === null || position === undefined) return;
            const index = x.getValueForPixel(position);
            const year = index === undefined ? undefined : this.series?.years[Math.round(index)];
            if (year !== undefined) this.onYear(year);
          },
        },
        plugins: [this.marker()],
      });
    } else {
      this.chart.data.labels = labels;
      this.chart.data.datasets = datasets;
      this.chart.update();
    }
  }

  setYear(year: number): void {
    if (year === this.year) return;
    this.year = year;
    // The table follows the slider too: the year shown is the current row.
    for (const row of this.tableBox.querySelectorAll('tr[aria-current]')) row.removeAttribute('aria-current');
    this.tableBox.querySelector(`tr[data-year="${year}"]`)?.setAttribute('aria-current', 'true');
    this.chart?.draw();
  }

  /** The rule at the slider's year, captioned with it. */
  private marker(): Plugin {
    return dateMarker('year-marker', (chart) => {
      const index = this.series?.years.indexOf(this.year) ?? -1;
      const x = chart.scales.x;
      return index < 0 || x === undefined ? null : { px: x.getPixelForValue(index), caption: String(this.year) };
    });
  }
}
