import type { ForecastRow } from '../api/queries.ts';

/** One cell of a summary: the published count, and whether some counts under 5 were left out of it. */
export type Cell = { count: number; hasSuppressed: boolean };
export type Summary = {
  rows: string[];
  columns: string[];
  cells: Map<string, Cell>;
  rowTotals: Map<string, Cell>;
  columnTotals: Map<string, Cell>;
};

const add = (map: Map<string, Cell>, key: string, row: ForecastRow) => {
  const cell = map.get(key) ?? { count: 0, hasSuppressed: false };
  map.set(key, { count: cell.count + (row.count ?? 0), hasSuppressed: cell.hasSuppressed || row.isSuppressed });
};

/**
 * Sums the forecast's published counts into rows × columns (e.g. month × pathway). Suppressed
 * counts stay unknown: a total that left some out is marked, never guessed.
 */

export function summarise(
  forecast: readonly ForecastRow[],
  rowOf: (row: ForecastRow) => string,
  columnOf: (row: ForecastRow) => string,
  columnOrder: readonly string[] = [],
): Summary {
  const cells = new Map<string, Cell>();
  const rowTotals = new Map<string, Cell>();
  const columnTotals = new Map<string, Cell>();
  for (const row of forecast) {
    add(cells, `${rowOf(row)}|${columnOf(row)}`, row);
    add(rowTotals, rowOf(row), row);
    add(columnTotals, columnOf(row), row);
  }
  // "late" (already past due) comes first, then months in order.
  const rows = [...rowTotals.keys()].sort((a, b) => (a === 'late' ? -1 : b === 'late' ? 1 : a.localeCompare(b)));
  const rank = (column: string) => (columnOrder.includes(column) ? columnOrder.indexOf(column) : columnOrder.length);
  const columns = [...columnTotals.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return { rows, columns, cells, rowTotals, columnTotals };
}
