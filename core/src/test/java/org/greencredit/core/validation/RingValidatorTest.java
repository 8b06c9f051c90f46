package org.greencredit.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RingValidatorTest {
    private static List<List<Double>> ring(double... lonLat) {
        List<List<Double>> ring = new java.util.ArrayList<>();
        for (int i = 0; i < lonLat.length; i += 2) {
            ring.add(List.of(lonLat[i], lonLat[i + 1]));
        }
        return ring;
    }

    @Test
    void closedSquareIsValid() {
        assertThat(RingValidator.problemOf(ring(0, 0, 1, 0, 1, 1, 0, 1, 0, 0))).isNull();
    }

    @Test
    void eachProblemIsNamed() {
        assertThat(RingValidator.problemOf(ring(0, 0, 1, 0, 1, 1, 0, 1))).contains("open");
        assertThat(RingValidator.problemOf(ring(0, 0, 1, 0, 0, 0))).contains("at least 4 positions");
        assertThat(RingValidator.problemOf(ring(0, 0, 1, 1, 1, 0, 0, 1, 0, 0))).contains("intersects itself");
        assertThat(RingValidator.problemOf(ring(0, 0, 181, 0, 1, 1, 0, 0))).contains("longitude 181.0");
        assertThat(RingValidator.problemOf(ring(0, 0, 1, -91, 1, 1, 0, 0))).contains("latitude -91.0");
    }

    @Test
    void touchingAtASharedVertexOfNonAdjacentEdgesIsASelfIntersection() {
        // A figure eight through (1,1): edges 0-1 and 2-3 meet there.
        assertThat(RingValidator.problemOf(ring(0, 0, 1, 1, 2, 0, 2, 2, 1, 1, 0, 2, 0, 0))).contains("intersects itself");
    }
}
