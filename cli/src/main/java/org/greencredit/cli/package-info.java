/** The {@code greencredit} command line: generate, rate, bench. */
package org.greencredit.cli;
