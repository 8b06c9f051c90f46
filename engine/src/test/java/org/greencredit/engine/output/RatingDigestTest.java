package org.greencredit.engine.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

public class RatingDigestTest {
    public enum Letter {
        A, B
    }

    public record Tiny(String text, double number, List<Integer> counts, Letter letter, String missing, YearMonth month, boolean flag) {
    }

    @Test
    void theCanonicalFormIsTheDocumentedOneByteForByte() throws Exception {
        Tiny tiny = new Tiny("é", 1.5, Arrays.asList(7, null), Letter.B, null, YearMonth.of(2025, 1), true);
        byte[] expected = HexFormat.of().parseHex(
                "01"                                  // the record is present
                        + "01" + "00000002" + "c3a9"        // "é": two UTF-8 bytes
                        + "01" + "3ff8000000000000"         // 1.5 as IEEE 754
                        + "01" + "00000002" + "0100000007" + "00" // [7, null]
                        + "01" + "00000001" + "42"          // B
                        + "00"                              // null
                        + "01" + "00000007" + "323032352d3031" // "2025-01"
                        + "01" + "01");                     // true
        assertThat(RatingDigest.canonical(tiny)).isEqualTo(expected);
        assertThat(RatingDigest.sha256(tiny)).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(expected)));
    }

    @Test
    void everyNaNHasOneFormAndMinusZeroIsNotZero() {
        double otherNaN = Double.longBitsToDouble(0x7ff0000000000001L);
        assertThat(RatingDigest.sha256(new Tiny("", otherNaN, List.of(), null, null, null, false)))
                .isEqualTo(RatingDigest.sha256(new Tiny("", Double.NaN, List.of(), null, null, null, false)));
        assertThat(RatingDigest.sha256(new Tiny("", -0.0, List.of(), null, null, null, false)))
                .isNotEqualTo(RatingDigest.sha256(new Tiny("", 0.0, List.of(), null, null, null, false)));
    }
}
