/**
 * What a firm's e-invoice ledger says about it: duplicates found and dropped, and the named
 * features (sales, trend, margin, void and red-letter rates, concentration, stability, green
 * shares) that the credit scorecard and the green rules read. Definitions and sources of every
 * feature are in the {@code ledger_features.csv} reference table.
 */
package org.greencredit.core.invoice;
