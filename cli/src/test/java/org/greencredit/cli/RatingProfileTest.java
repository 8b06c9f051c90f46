package org.greencredit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Iterator;
import org.greencredit.core.rating.Rating;
import org.greencredit.datasets.io.ReadRow;
import org.greencredit.datasets.io.RecordFormat;
import org.greencredit.datasets.io.RecordReader;
import org.greencredit.engine.output.RatingDecision;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decision profile says what the full profile says, on the same 20,000 requests rated in two runs,
 * each written and read back through its file (full as JSON lines, decision as Arrow): every field of
 * the decision equals the full rating's, and the hash in the decision is the hash of the full rating.
 */
@Tag("slow")
class RatingProfileTest {
    private static final int COUNT = 20_000;

    @TempDir
    Path dir;

    @Test
    void theDecisionProfileEqualsTheFullProfileAndHashesIt() {
        Path requests = dir.resolve("requests.arrow");
        Path full = dir.resolve("full.jsonl");
        Path decisions = dir.resolve("decisions.arrow");
        assertThat(CommandLineRunner.run("generate", "--count", Integer.toString(COUNT), "--seed", "5", "--months", "12",
                "--distortion-rate", "0.1", "--out", requests.toString())).isZero();
        assertThat(CommandLineRunner.run("rate", "--in", requests.toString(), "--out", full.toString(), "--profile", "full")).isZero();
        assertThat(CommandLineRunner.run("rate", "--in", requests.toString(), "--out", decisions.toString(), "--profile", "DECISION"))
                .isZero();

        int compared = 0;
        int referred = 0;
        try (RecordReader<Rating> ratings = RecordFormat.openReader(full, Rating.class);
             RecordReader<RatingDecision> decided = RecordFormat.openReader(decisions, RatingDecision.class)) {
            Iterator<ReadRow<RatingDecision>> d = decided;
            while (ratings.hasNext()) {
                Rating rating = ratings.next().value();
                RatingDecision decision = d.next().value();
                RatingDecision expected = RatingDecision.of(rating);
                // Two runs: only the identity differs.
                assertThat(decision.id()).isNotEqualTo(rating.id());
                assertThat(decision).usingRecursiveComparison().ignoringFields("id", "ratedAt").as("row %d", compared + 1).isEqualTo(expected);
                assertThat(decision.fullRatingSha256()).matches("[0-9a-f]{64}");
                referred += decision.referralReasons().isEmpty() ? 0 : 1;
                compared++;
            }
            assertThat(decided.hasNext()).isFalse();
        }
        assertThat(compared).isEqualTo(COUNT);
        // The comparison covers referrals and their reasons too, not only approvals.
        assertThat(referred).isGreaterThan(COUNT / 20);
    }
}
