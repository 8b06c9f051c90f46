package org.greencredit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.greencredit.core.rating.Rating;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.datasets.io.GreenCreditJson;
import org.greencredit.datasets.reference.ReferenceData;
import org.greencredit.datasets.synthetic.SyntheticPopulation;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Ratings of 1,000 generated requests (plain firms, farms, distorted carbon accounts and false crop
 * declarations) are byte-identical, apart from id and ratedAt, to the ones recorded in
 * {@code golden/ratings-1000.tsv}: a refactoring that changes any rating fails here and names the first
 * request that differs. The file holds the SHA-256 of each rating's JSON; a deliberate change of rules,
 * models or reference data rewrites it with {@code GoldenRatingsTest#main} and says so in its commit.
 */
@Tag("slow")
class GoldenRatingsTest {
    static final String GOLDEN = "/golden/ratings-1000.tsv";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

    static List<RatingRequest> requests() {
        ReferenceData reference = ReferenceData.shipped();
        SyntheticPopulation plain = new SyntheticPopulation(7, YearMonth.of(2025, 12), 24, reference);
        SyntheticPopulation distorted = new SyntheticPopulation(8, YearMonth.of(2025, 12), 24, reference, 0.3)
                .withFalseCropDeclarations(0.3);
        List<RatingRequest> requests = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            requests.add(plain.generate(i).request());
        }
        for (int i = 0; i < 400; i++) {
            requests.add(distorted.generate(i).request());
        }
        return requests;
    }

    /** One line per request: its index, firm, outcome and the SHA-256 of its rating's JSON with a fixed id and time. */
    static List<String> lines(RatingEngine engine) {
        List<String> lines = new ArrayList<>();
        List<RatingRequest> requests = requests();
        for (int i = 0; i < requests.size(); i++) {
            Rating rating = engine.rate(requests.get(i)).withIdentity("golden-" + i, Instant.parse("2026-06-01T00:00:00Z"));
            String json = GreenCreditJson.mapper().writeValueAsString(rating);
            lines.add(i + "\t" + rating.smeId() + "\t" + rating.decision().outcome() + "\t" + sha256(json));
        }
        return lines;
    }

    @Test
    void ratingsOfAThousandGeneratedRequestsAreUnchanged() throws IOException {
        List<String> expected;
        try (InputStream in = GoldenRatingsTest.class.getResourceAsStream(GOLDEN)) {
            assertThat(in).as(GOLDEN + " on the test classpath").isNotNull();
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        List<String> actual = lines(RatingEngine.standard(CLOCK));
        assertThat(expected).hasSize(1000);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as("request %d", i).isEqualTo(expected.get(i));
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rewrites the golden file after a deliberate change: {@code args[0]} is the path of the file in the source tree. */
    public static void main(String[] args) throws IOException {
        Files.write(Path.of(args[0]), lines(RatingEngine.standard(CLOCK)), StandardCharsets.UTF_8);
    }
}
