package org.greencredit.service.models;

import java.time.Instant;
import java.time.LocalDate;

/** Whether the loan granted on a rating defaulted, as observed on a date, and who recorded it when. */
public record LoanOutcome(String ratingId, boolean defaulted, LocalDate observedOn, String recordedBy, Instant recordedAt) {
}
