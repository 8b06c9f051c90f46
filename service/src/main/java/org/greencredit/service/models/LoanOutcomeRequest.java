package org.greencredit.service.models;

import java.time.LocalDate;

/**
 * A loan's observed outcome: defaulted (the bank's default definition, e.g. 90 days past due within 12 months) or
 * repaid, and the date it was observed.
 */
public record LoanOutcomeRequest(Boolean defaulted, LocalDate observedOn) {
}
