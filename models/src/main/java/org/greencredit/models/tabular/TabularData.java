package org.greencredit.models.tabular;

import java.util.List;

/**
 * A labelled table ready for a model: the usable input columns, the binary target (true for the
 * positive class, e.g. default), and what was set aside, so a caller can say so.
 *
 * @param ignoredColumns    columns left out, each with why (excluded, identifier-like, empty)
 * @param droppedRows       rows without a target value
 */
public record TabularData(List<Column> columns, boolean[] target, String targetName, String positiveValue,
                          List<String> ignoredColumns, int droppedRows) {

    public int rows() {
        return target.length;
    }
}
