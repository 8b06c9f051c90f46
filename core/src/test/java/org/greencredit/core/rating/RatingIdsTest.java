package org.greencredit.core.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RatingIdsTest {
    /** 2026-12-01T00:00:00Z is 1,796,083,200,000 ms after 1970, 0x01a22ee6b000. */
    private static final Instant DECEMBER_FIRST = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void anIdStartsWithTheMillisecondOfItsRatingInHex() {
        assertThat(RatingIds.at(DECEMBER_FIRST)).startsWith("01a22ee6-b000-7");
    }

    @Test
    void anIdIsAVersion7UuidWithTheRfcVariant() {
        UUID id = UUID.fromString(RatingIds.at(DECEMBER_FIRST));
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void idsOfLaterMillisecondsSortAfterEarlierOnesAsText() {
        String earlier = RatingIds.at(DECEMBER_FIRST);
        String later = RatingIds.at(DECEMBER_FIRST.plusMillis(1));
        assertThat(later).isGreaterThan(earlier);
    }

    @Test
    void idsOfOneMillisecondDifferInTheirRandomBits() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(RatingIds.at(DECEMBER_FIRST));
        }
        assertThat(ids).hasSize(10_000);
    }

    @Test
    void aTimeBefore1970IsRefused() {
        assertThatThrownBy(() -> RatingIds.at(Instant.parse("1969-12-31T23:59:59Z")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1969-12-31T23:59:59Z");
    }
}
