/** Normalises a header cell for matching: BOM, quotes and case stripped, inner spaces collapsed. */
export function normalizeHeaderCell(cell: string): string {
  return cell
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/**
 * Column lookup by name, never by position: each canonical column lists every spelling seen
 * (localised headers included); the first spelling present in the file wins.
 */
export class HeaderIndex<C extends string = string> {
  readonly cells: readonly string[];
  private readonly positions: Map<C, number>;
  private readonly spelled: Map<C, string>;

  constructor(cells: readonly string[], columns: Readonly<Record<C, readonly string[]>>) {
    this.cells = cells;
    const byName = new Map<string, number>();
    cells.forEach((cell, i) => {
      const name = normalizeHeaderCell(cell);
      if (!byName.has(name)) byName.set(name, i);
    });
    this.positions = new Map();
    this.spelled = new Map();
    for (const canonical of Object.keys(columns) as C[]) {
      for (const spelling of columns[canonical]) {
        const at = byName.get(normalizeHeaderCell(spelling));
        if (at !== undefined) {
          this.positions.set(canonical, at);
          this.spelled.set(canonical, cells[at]?.replace(/^\uFEFF/, '').trim() ?? spelling);
          break;
        }
      }
    }
  }

  has(column: C): boolean {
    return this.positions.has(column);
  }

  /** The cell of `column` in `row`, trimmed; '' when the column is absent or the row is short. */
  get(row: readonly string[], column: C): string {
    const at = this.positions.get(column);
    return at === undefined ? '' : trimmed(row[at]);
  }

  /** `get` for one column, its position looked up once: for the loops that read every row. */
  reader(column: C): (row: readonly string[]) => string {
    const at = this.positions.get(column);
    return at === undefined ? () => '' : (row) => trimmed(row[at]);
  }

  /** The column's name as the file spells it, for issue messages. */
  label(column: C): string {
    return this.spelled.get(column) ?? column;
  }
}

function trimmed(value: string | undefined): string {
  if (value === undefined || value.length === 0) return '';
  // Most cells start and end with printable ASCII (no whitespace): no need to trim them.
  if (isPrintableAscii(value.charCodeAt(0)) && isPrintableAscii(value.charCodeAt(value.length - 1)))
    return value;
  return value.trim();
}

function isPrintableAscii(c: number): boolean {
  return c > 32 && c < 127;
}
