package org.greencredit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Values written to a feature's decimals: as BigDecimal's half-up rounding of the double's exact value writes them. */
class RoundedDecimalTest {
    @Test
    void writesPlainNumbersWithoutTrailingZeros() {
        assertThat(RoundedDecimal.halfUp(9, 0)).isEqualTo("9");
        assertThat(RoundedDecimal.halfUp(100, 0)).isEqualTo("100");
        assertThat(RoundedDecimal.halfUp(12.30, 2)).isEqualTo("12.3");
        assertThat(RoundedDecimal.halfUp(12.0, 2)).isEqualTo("12");
        assertThat(RoundedDecimal.halfUp(0.05, 2)).isEqualTo("0.05");
        assertThat(RoundedDecimal.halfUp(0.004, 2)).isEqualTo("0");
        assertThat(RoundedDecimal.halfUp(1234.5678, 1)).isEqualTo("1234.6");
    }

    @Test
    void roundsHalvesAwayFromZero() {
        assertThat(RoundedDecimal.halfUp(0.5, 0)).isEqualTo("1");
        assertThat(RoundedDecimal.halfUp(-0.5, 0)).isEqualTo("-1");
        assertThat(RoundedDecimal.halfUp(0.125, 2)).isEqualTo("0.13");
        assertThat(RoundedDecimal.halfUp(-1.25, 1)).isEqualTo("-1.3");
    }

    @Test
    void roundsTheDoublesExactValueNotItsShortestText() {
        // 2.675 is stored as 2.67499999999999982236431605997495353221893310546875, 1.005 as 1.00499999999999989...
        assertThat(RoundedDecimal.halfUp(2.675, 2)).isEqualTo("2.67");
        assertThat(RoundedDecimal.halfUp(1.005, 2)).isEqualTo("1");
        // 0.15 is stored as 0.1499999999999999944488848768742172978818416595458984375.
        assertThat(RoundedDecimal.halfUp(0.15, 1)).isEqualTo("0.1");
    }

    @Test
    void writesNoMinusSignForNegativeValuesThatRoundToZero() {
        assertThat(RoundedDecimal.halfUp(-0.004, 2)).isEqualTo("0");
        assertThat(RoundedDecimal.halfUp(-0.0, 1)).isEqualTo("0");
        assertThat(RoundedDecimal.halfUp(-3.14159, 2)).isEqualTo("-3.14");
    }

    @Test
    void writesLargeValuesAndManyDecimalsThroughTheExactPath() {
        assertThat(RoundedDecimal.halfUp(12_345_678_901.5, 0)).isEqualTo("12345678902");
        assertThat(RoundedDecimal.halfUp(1.0 / 3, 12)).isEqualTo("0.333333333333");
    }

    @Test
    void agreesWithBigDecimalOnRandomValuesAndNearTies() {
        SplittableRandom random = new SplittableRandom(15);
        for (int i = 0; i < 200_000; i++) {
            int decimals = random.nextInt(0, 5);
            double value = switch (i % 4) {
                case 0 -> random.nextDouble(-1_000, 1_000);
                case 1 -> random.nextDouble(0, 2) * Math.pow(10, random.nextInt(-6, 9));
                // Decimal halves and their neighbours: the values the fast path must hand over or decide right.
                case 2 -> (random.nextLong(-1_000_000, 1_000_000) + 0.5) / Math.pow(10, decimals);
                default -> Math.nextAfter((random.nextLong(0, 1_000_000) + 0.5) / Math.pow(10, decimals),
                        random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
            };
            String expected = new BigDecimal(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
            assertThat(RoundedDecimal.halfUp(value, decimals)).as("%s to %d decimals", value, decimals).isEqualTo(expected);
        }
    }
}
