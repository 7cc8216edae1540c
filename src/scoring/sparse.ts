/**
 * Compressed sparse rows in typed arrays: the whole training matrix is four buffers, no
 * per-row objects, so the solver's passes are tight loops. `values` is null when every
 * stored entry is 1 (one-hot bins, flags, hashed words) — the common case, and faster.
 */
export interface Csr {
  rows: number;
  cols: number;
  /** rowPtr[i]..rowPtr[i+1] indexes row i's entries; length rows + 1. */
  rowPtr: Int32Array;
  colIdx: Int32Array;
  values: Float64Array | null;
}

/** Grows typed buffers while rows are appended. */
export class CsrBuilder {
  private ptr: number[] = [0];
  private idx = new Int32Array(1024);
  private val: Float64Array | null;
  private nnz = 0;
  constructor(
    private readonly cols: number,
    withValues = false,
  ) {
    this.val = withValues ? new Float64Array(1024) : null;
  }

  private reserve(extra: number): void {
    if (this.nnz + extra <= this.idx.length) return;
    let cap = this.idx.length * 2;
    while (cap < this.nnz + extra) cap *= 2;
    const idx = new Int32Array(cap);
    idx.set(this.idx.subarray(0, this.nnz));
    this.idx = idx;
    if (this.val) {
      const val = new Float64Array(cap);
      val.set(this.val.subarray(0, this.nnz));
      this.val = val;
    }
  }

  /** Append one row; `values` is required when the builder was made with values. */
  push(indices: ArrayLike<number>, values?: ArrayLike<number>, count = indices.length): void {
    this.reserve(count);
    for (let k = 0; k < count; k++) {
      this.idx[this.nnz] = indices[k]!;
      if (this.val) this.val[this.nnz] = values ? values[k]! : 1;
      this.nnz++;
    }
    this.ptr.push(this.nnz);
  }

  build(): Csr {
    return {
      rows: this.ptr.length - 1,
      cols: this.cols,
      rowPtr: Int32Array.from(this.ptr),
      colIdx: this.idx.slice(0, this.nnz),
      values: this.val ? this.val.slice(0, this.nnz) : null,
    };
  }
}

/** Select rows (with repeats) into a new matrix. */
export function takeRows(m: Csr, rows: ArrayLike<number>): Csr {
  let nnz = 0;
  for (let k = 0; k < rows.length; k++) nnz += m.rowPtr[rows[k]! + 1]! - m.rowPtr[rows[k]!]!;
  const rowPtr = new Int32Array(rows.length + 1);
  const colIdx = new Int32Array(nnz);
  const values = m.values ? new Float64Array(nnz) : null;
  let p = 0;
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k]!;
    for (let j = m.rowPtr[r]!; j < m.rowPtr[r + 1]!; j++) {
      colIdx[p] = m.colIdx[j]!;
      if (values) values[p] = m.values![j]!;
      p++;
    }
    rowPtr[k + 1] = p;
  }
  return { rows: rows.length, cols: m.cols, rowPtr, colIdx, values };
}
