package org.greencredit.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import org.greencredit.core.request.CreditFeatures;
import org.greencredit.core.request.LoanPurpose;
import org.greencredit.core.request.LoanRequest;

/** What the ledger, merchant, green-power and what-if tests rate with: one engine on a fixed clock, and credit a champion approves. */
final class TestFirms {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
    static final RatingEngine ENGINE = RatingEngine.standard(CLOCK);
    /** A year of steady flows of 100,000 a month, no debt, never late, nine years in business. */
    static final CreditFeatures STEADY_CREDIT = new CreditFeatures(Collections.nCopies(12, 100_000.0), Collections.nCopies(12, 90_000.0),
            300, 20_000.0, 0.0, 0, 9.0);
    static final LoanRequest LOAN_100K = new LoanRequest(100_000.0, 12, LoanPurpose.WORKING_CAPITAL);

    private TestFirms() {
    }
}
