package org.greencredit.datasets.invoices;

/**
 * A ledger row that was not read as it stands, or a note about one that was.
 *
 * @param kind    what happened to the row
 * @param line    1-based line of the file where the row starts
 * @param firmId  the row's firm, or empty when it could not be read
 * @param column  the column at fault as the file names it, or empty
 */
public record RowProblem(Kind kind, String file, long line, String firmId, String column, String problem) {
    public enum Kind {
        /** The row could not be read and counts in no feature. */
        REJECTED,
        /** The row repeats an earlier row in every field: one invoice exported twice, read once. */
        DUPLICATE_DROPPED,
        /** The row shares its invoice number with an earlier, different row: both are read. */
        SAME_NUMBER_KEPT
    }
}
