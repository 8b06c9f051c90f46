/**
 * E-invoice ledgers read from the files a tax platform or an accounting system exports (CSV with
 * Chinese or English headers, UTF-8 or GBK), checked row by row, grouped by firm with duplicates
 * reported, and the green catalogue that classifies invoice lines.
 */
package org.greencredit.datasets.invoices;
