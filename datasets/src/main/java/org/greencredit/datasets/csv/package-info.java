/** A small RFC 4180 CSV reader and writer with errors that name file and line. */
package org.greencredit.datasets.csv;
