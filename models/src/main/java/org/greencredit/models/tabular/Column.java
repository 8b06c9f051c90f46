package org.greencredit.models.tabular;

/**
 * One input column: its values as read (null where missing) and, for a numeric column, as
 * numbers (NaN where missing). Scoring a new file works from the raw values, so a column typed
 * differently there still finds its bins.
 */
public record Column(String name, boolean numeric, double[] numbers, String[] raw) {
    public int size() {
        return raw.length;
    }

    public boolean isMissing(int row) {
        return raw[row] == null || (numeric && Double.isNaN(numbers[row]));
    }
}
