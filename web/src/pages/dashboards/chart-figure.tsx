// One chart of the community picture: a Chart.js canvas with a text summary for screen readers, a
// "show as table" switch to a real data table, and a CSV download of exactly what the chart shows.
import { useEffect, useId, useRef, useState } from 'react';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useI18n } from '../../i18n/index.ts';
import { toCsv, type SeriesTable } from '../../../../src/modules/dashboards/series-table.ts';

// Only what the bar charts use, so the bundle carries no other chart types.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

// Colour-blind-safe palette (Okabe–Ito); the table and the legend text carry the meaning as well.
const COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000', '#999999'];

interface Props {
  id: string;
  title: string;
  table: SeriesTable;
  k: number;
  keyLabel: (key: string) => string;
  groupLabel?: (group: string) => string;
  groupHeader: string;
  /** Shown under the chart, e.g. the total. */
  note?: string;
  horizontal?: boolean;
  fileName: string;
  showTotal?: boolean;
}

export function ChartFigure({ id, title, table, k, keyLabel, groupLabel = (g) => g, groupHeader, note, horizontal, fileName, showTotal = true }: Props) {
  const { t } = useI18n();
  const [asTable, setAsTable] = useState(false);
  const canvas = useRef<HTMLCanvasElement>(null);
  const headingId = useId();
  const viewId = useId();
  const fewer = t('community.fewer', { k });

  useEffect(() => {
    if (asTable || !canvas.current) return undefined;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: table.rows.map((r) => groupLabel(r.group)),
        datasets: table.keys.map((key, i) => ({ label: keyLabel(key), data: table.rows.map((r) => r.values[i] ?? null), backgroundColor: COLOURS[i % COLOURS.length] })),
      },
      options: {
        indexAxis: horizontal ? 'y' : 'x', responsive: true, maintainAspectRatio: false, animation: false,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } },
        plugins: { legend: { display: table.keys.length > 0, position: 'bottom' } },
      },
    });
    return () => chart.destroy();
  }, [asTable, table, keyLabel, groupLabel, horizontal]);

  const summary = summarise(t, title, table, keyLabel);
  const csvRows = table.rows.map((r) => [groupLabel(r.group), ...(r.lessThanK ? table.keys.map(() => fewer) : r.values), ...(showTotal ? [r.lessThanK ? fewer : r.total] : [])]);
  const download = () => {
    const header = [groupHeader, ...table.keys.map(keyLabel), ...(showTotal ? [t('community.total')] : [])];
    const url = URL.createObjectURL(new Blob([toCsv(header, csvRows)], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <figure className="chart-figure" id={id} aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      {asTable ? (
        <div className="table-wrap" id={viewId}>
          <table>
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{groupHeader}</th>
                {table.keys.map((key) => <th scope="col" key={key}>{keyLabel(key)}</th>)}
                {showTotal ? <th scope="col">{t('community.total')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r) => (
                <tr key={r.group}>
                  <th scope="row">{groupLabel(r.group)}</th>
                  {r.lessThanK
                    ? <td colSpan={table.keys.length + (showTotal ? 1 : 0)}>{fewer}</td>
                    : <>{r.values.map((v, i) => <td key={table.keys[i]} className="num">{v ?? ''}</td>)}{showTotal ? <td className="num">{r.total}</td> : null}</>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <div className={horizontal ? 'chart-box chart-box-tall' : 'chart-box'} id={viewId}>
          <canvas ref={canvas} role="img" aria-label={summary}>{summary}</canvas>
        </div>
      )}
      {note ? <p className="muted">{note}</p> : null}
      <div className="chart-actions">
        <button type="button" className="button-secondary button-small" aria-controls={viewId} onClick={() => setAsTable((v) => !v)}>
          {asTable ? t('community.showChart') : t('community.showTable')}
        </button>
        <button type="button" className="button-secondary button-small" onClick={download}>{t('community.csv')}</button>
      </div>
    </figure>
  );
}

function summarise(t: ReturnType<typeof useI18n>['t'], title: string, table: SeriesTable, keyLabel: (key: string) => string): string {
  const sums = table.keys.map((key, i) => ({ key, count: table.rows.reduce((s, r) => s + (r.values[i] ?? 0), 0) }));
  const top = sums.sort((a, b) => b.count - a.count)[0];
  const text = top && top.count > 0 ? t('community.chartTop', { key: keyLabel(top.key), count: top.count }) : t('community.chartEmpty');
  return t('community.chartSummary', { title, rows: table.rows.length, summary: text });
}
