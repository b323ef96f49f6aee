"""Judge models behind a round's tally: who can be compared, how lenient, how consistent.

Everything here works on *cells*: one cell per (entry, judge) pair that has a score, given as
three parallel arrays sorted by entry then judge: ``ei`` (entry index), ``ji`` (judge index)
and ``y`` (the judge's weighted total for that entry, 0-100).  ``tallying.scoring`` builds the
cells and turns the results into a published tally; this module is only the numerics.

Why an exact solve instead of iterating: the additive model ``y[e,j] = mu + a[e] + b[j]``
has one unknown per entry (thousands) but only one per judge (tens).  Eliminating the entry
effects leaves a judges-by-judges system (a weighted graph Laplacian) that numpy solves
directly, so the cost is one pass over the cells plus a tiny dense solve, with no
convergence threshold to tune and the same answer for every input order.
"""

from __future__ import annotations

from dataclasses import dataclass

import krippendorff
import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.intp]

#: Above this many value-count cells (pairable units x distinct values squared) the
#: ``krippendorff`` package would allocate hundreds of megabytes (it builds a
#: units x values x values array), so the equivalent closed form below is used instead.
KRIPPENDORFF_PACKAGE_BUDGET = 2_000_000


@dataclass(frozen=True)
class AdditiveFit:
    """Least-squares judge effects of ``y[e,j] = mu + a[e] + b[j]``.

    ``leniency[j]`` is ``b[j]`` in total points: positive means the judge scores higher than
    the other judges of the same entries.  It sums to zero within each connected component
    (the model only identifies differences between judges who are linked by shared entries).
    ``fitted[j]`` is False for judges whose component has a single judge (nothing to compare
    against, leniency left at 0) and for judges with no score.  ``component[j]`` numbers the
    components 0, 1, ... in order of their smallest judge index; -1 for judges with no score.
    """

    leniency: FloatArray
    fitted: npt.NDArray[np.bool_]
    component: IntArray
    n_components: int


def _same_entry_pairs(ei: IntArray, ji: IntArray) -> tuple[IntArray, IntArray, IntArray]:
    """All ordered pairs of distinct cells of the same entry, as (cell, judge a, judge b).

    Cells are sorted by entry, so the cells of an entry are contiguous: pairing every cell
    with the one ``d`` positions later, for ``d`` up to the largest panel, finds each pair
    once in O(cells x panel size) without a Python loop over entries.
    """
    cells: list[IntArray] = []
    first: list[IntArray] = []
    second: list[IntArray] = []
    d = 1
    while d < len(ei):
        same = np.flatnonzero(ei[:-d] == ei[d:])
        if same.size == 0:
            break
        cells.append(same)
        first.append(ji[same])
        second.append(ji[same + d])
        d += 1
    if not cells:
        empty = np.zeros(0, dtype=np.intp)
        return empty, empty, empty
    return np.concatenate(cells), np.concatenate(first), np.concatenate(second)


def judge_components(
    n_judges: int, active: npt.NDArray[np.bool_], a: IntArray, b: IntArray
) -> IntArray:
    """Union-find over judges joined by a shared entry (judges ``a[i]`` and ``b[i]`` scored
    one); -1 for inactive judges. Components are numbered in the order of their first
    judge. The tally and the judge assignment (`judging.assignment`) both ask.

    An entry links all of its judges, so the judge-entry bipartite graph is connected exactly
    when this judges-only graph is (every scored entry hangs off one of its judges).
    """
    parent = list(range(n_judges))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for key in np.unique(a * n_judges + b).tolist():
        ra, rb = find(key // n_judges), find(key % n_judges)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    labels = np.full(n_judges, -1, dtype=np.intp)
    numbering: dict[int, int] = {}
    for j in range(n_judges):
        if active[j]:
            labels[j] = numbering.setdefault(find(j), len(numbering))
    return labels


def fit_additive(
    ei: IntArray, ji: IntArray, y: FloatArray, n_entries: int, n_judges: int
) -> AdditiveFit:
    """Fit judge leniency by least squares, separately in each connected component.

    Setting the derivative for entry ``e`` to zero gives ``mu + a[e] = mean_j(y[e,j] - b[j])``;
    substituting it into the equation of judge ``j`` leaves, for the judges alone,

        L b = r,  L[j,k] = n_j [j == k] - sum over entries e scored by j and k of 1/n_e,
                  r[j]   = sum over entries e scored by j of (y[e,j] - mean of y[e,:]).

    ``L`` is the Laplacian of the judges' co-scoring graph: singular along the all-ones vector
    of each component, which is exactly the freedom the sum-to-zero constraint removes.
    Adding the all-ones matrix (``L + 11'``) makes each component's block invertible and,
    because ``r`` sums to zero there, forces ``sum(b) == 0`` in the solution.
    """
    n_j = np.bincount(ji, minlength=n_judges)
    n_e = np.bincount(ei, minlength=n_entries).astype(np.float64)
    inv_n = 1.0 / n_e[ei]
    entry_mean = np.bincount(ei, weights=y, minlength=n_entries) / np.maximum(n_e, 1.0)
    r = np.bincount(ji, weights=y - entry_mean[ei], minlength=n_judges)

    cells, ja, jb = _same_entry_pairs(ei, ji)
    pairs = np.bincount(ja * n_judges + jb, weights=inv_n[cells], minlength=n_judges * n_judges)
    lap = -pairs.astype(np.float64).reshape(n_judges, n_judges)  # float even with no pairs
    lap = lap + lap.T  # pairs were found once each; L is symmetric
    lap[np.diag_indices(n_judges)] += np.bincount(ji, weights=1.0 - inv_n, minlength=n_judges)

    component = judge_components(n_judges, n_j > 0, ja, jb)
    n_components = int(component.max()) + 1 if n_judges else 0
    leniency = np.zeros(n_judges, dtype=np.float64)
    fitted = np.zeros(n_judges, dtype=np.bool_)
    for c in range(n_components):
        idx = np.flatnonzero(component == c)
        if idx.size < 2:
            continue
        block = lap[np.ix_(idx, idx)] + 1.0
        b = np.linalg.solve(block, r[idx])
        leniency[idx] = b - b.mean()  # exact zero sum despite rounding
        fitted[idx] = True
    return AdditiveFit(leniency, fitted, component, n_components)


def zscore_correct(
    ji: IntArray, y: FloatArray, n_judges: int
) -> tuple[FloatArray, npt.NDArray[np.bool_]]:
    """Standardize each judge's totals, then map back onto the pooled 0-100 scale.

    ``corrected = pooled_mean + pooled_sd * (y - judge_mean) / judge_sd`` (population sd,
    ddof=0, for judges and pool alike), so the numbers stay readable as points.  A judge with
    one score or identical totals carries no ranking information on this scale; their cells
    get z = 0 (the pooled mean) and they are returned in the ``flat`` mask for diagnostics.
    """
    n_j = np.bincount(ji, minlength=n_judges).astype(np.float64)
    mean_j = np.bincount(ji, weights=y, minlength=n_judges) / np.maximum(n_j, 1.0)
    dev = y - mean_j[ji]
    sd_j = np.sqrt(np.bincount(ji, weights=dev * dev, minlength=n_judges) / np.maximum(n_j, 1.0))
    flat = (n_j > 0) & (sd_j <= 1e-9)
    safe_sd = np.where(flat, 1.0, sd_j)
    z = np.where(flat[ji], 0.0, dev / safe_sd[ji])
    pooled_mean = float(y.mean()) if y.size else 0.0
    pooled_sd = float(y.std()) if y.size else 0.0
    return pooled_mean + pooled_sd * z, flat


def interval_alpha(
    ei: IntArray, ji: IntArray, y: FloatArray, n_entries: int, n_judges: int
) -> float | None:
    """Krippendorff's alpha, interval metric, for the judges-by-entries matrix ``y``.

    ``alpha = 1 - D_o / D_e``: observed disagreement within entries over the disagreement
    expected if the same values were paired at random.  Only entries with at least two scores
    are pairable.  Returns None when nothing is pairable (fewer than two judges, or no entry
    shared) or when every pairable value is identical (alpha is 0/0).

    Small matrices go through the ``krippendorff`` package, the reference implementation.
    Its memory grows with units x distinct values squared (about 8 s and hundreds of MB for
    5,000 entries, out of memory once marks are fractional), so larger ones use the same
    formula in closed form: for squared differences, the sum over ordered pairs of a unit
    is ``2 m SS``, where ``m`` is the number of values and ``SS`` their sum of squared
    deviations, giving

        D_o = (1/n) sum over units of 2 m_u SS_u / (m_u - 1),   D_e = 2 SS_all / (n - 1),

    with ``n`` the number of pairable values.  Tests check both paths agree.
    """
    n_e = np.bincount(ei, minlength=n_entries)
    pairable = n_e[ei] >= 2
    if not pairable.any():
        return None
    v, units = y[pairable], ei[pairable]
    n = v.size
    ss_all = float(((v - v.mean()) ** 2).sum())
    if ss_all <= 1e-12 * max(1.0, float((v * v).sum())):
        return None
    n_units = int(np.count_nonzero(n_e >= 2))
    if n_units * np.unique(v).size ** 2 <= KRIPPENDORFF_PACKAGE_BUDGET:
        matrix = np.full((n_judges, n_entries), np.nan)
        matrix[ji, ei] = y
        return float(krippendorff.alpha(reliability_data=matrix, level_of_measurement="interval"))
    m_u = n_e.astype(np.float64)
    unit_mean = np.bincount(units, weights=v, minlength=n_entries) / np.maximum(m_u, 1.0)
    dev = v - unit_mean[units]
    ss_u = np.bincount(units, weights=dev * dev, minlength=n_entries)
    shared = n_e >= 2
    d_o = float((2.0 * m_u[shared] * ss_u[shared] / (m_u[shared] - 1.0)).sum()) / n
    d_e = 2.0 * ss_all / (n - 1)
    return 1.0 - d_o / d_e
