package org.greencredit.models.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The population stability index of a live population, counted as it arrives: each value goes straight into its
 * reference bin (a counter, no rows kept), so that a service can tell at any time how far this month's applicants
 * have drifted from the model's training population. Thread-safe; the figures are those of {@link DriftReport}.
 */
public final class RunningDrift {
    private final PopulationReference reference;
    private final List<String> variables;
    private final AtomicLongArray[] counts;
    private final AtomicLong rows = new AtomicLong();

    public RunningDrift(PopulationReference reference) {
        this.reference = reference;
        this.variables = reference.variables();
        this.counts = new AtomicLongArray[variables.size()];
        for (int v = 0; v < counts.length; v++) {
            counts[v] = new AtomicLongArray(reference.bins(variables.get(v)).size());
        }
    }

    /**
     * Counts one row: each variable of the reference (the score under {@link PopulationReference#SCORE}) to its value, a
     * Double for a numeric variable or a String for a categorical one; absent or null counts as missing.
     */
    public void add(Map<String, ?> values) {
        for (int v = 0; v < counts.length; v++) {
            counts[v].incrementAndGet(PopulationReference.indexOf(reference.bins(variables.get(v)), values.get(variables.get(v))));
        }
        rows.incrementAndGet();
    }

    public long rows() {
        return rows.get();
    }

    /** Each variable's index, level and bin shares over the rows counted so far, in the reference's order. */
    public List<DriftReport.VariableDrift> drift() {
        long n = rows.get();
        List<DriftReport.VariableDrift> out = new ArrayList<>(variables.size());
        for (int v = 0; v < counts.length; v++) {
            long[] c = new long[counts[v].length()];
            for (int b = 0; b < c.length; b++) {
                c[b] = counts[v].get(b);
            }
            out.add(DriftReport.drift(variables.get(v), reference.bins(variables.get(v)), c, n));
        }
        return out;
    }
}
