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

    public record Tiny(String text, double number, List<Integer> counts, Letter letter, String missing, YearMonth month, boolean flag,
                       List<String> again) {
    }

    @Test
    void theCanonicalFormIsTheDocumentedOneByteForByte() throws Exception {
        Tiny tiny = new Tiny("é", 1.5, Arrays.asList(7, null), Letter.B, null, YearMonth.of(2025, 1), true, List.of("B", "é", "x", "x"));
        byte[] expected = HexFormat.of().parseHex(
                "01"                                  // the record is present
                        + "01" + "00000002" + "c3a9"        // "é": two UTF-8 bytes
                        + "01" + "3ff8000000000000"         // 1.5 as IEEE 754
                        + "01" + "00000002" + "0100000007" + "00" // [7, null]
                        + "01" + "00000001" + "42"          // B
                        + "00"                              // null
                        + "01" + "00000007" + "323032352d3031" // "2025-01"
                        + "01" + "01"                       // true
                        + "01" + "00000004"                 // a list of four texts, each written whole:
                        + "01" + "00000001" + "42"          // "B"
                        + "01" + "00000002" + "c3a9"        // "é"
                        + "01" + "00000001" + "78"          // "x"
                        + "01" + "00000001" + "78");        // "x" again
        assertThat(RatingDigest.canonical(tiny)).isEqualTo(expected);
        assertThat(RatingDigest.sha256(tiny)).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(expected)));
    }

    @Test
    void everyNaNHasOneFormAndMinusZeroIsNotZero() {
        double otherNaN = Double.longBitsToDouble(0x7ff0000000000001L);
        assertThat(RatingDigest.sha256(new Tiny("", otherNaN, List.of(), null, null, null, false, List.of())))
                .isEqualTo(RatingDigest.sha256(new Tiny("", Double.NaN, List.of(), null, null, null, false, List.of())));
        assertThat(RatingDigest.sha256(new Tiny("", -0.0, List.of(), null, null, null, false, List.of())))
                .isNotEqualTo(RatingDigest.sha256(new Tiny("", 0.0, List.of(), null, null, null, false, List.of())));
    }

    public record Counts(int small, long large, Integer boxed) {
    }

    @Test
    void primitiveIntsAndLongsHaveTheFormOfTheirBoxedValues() {
        byte[] expected = HexFormat.of().parseHex("01" + "01" + "fffffffe" + "01" + "0000000100000000" + "01" + "fffffffe");
        assertThat(RatingDigest.canonical(new Counts(-2, 1L << 32, -2))).isEqualTo(expected);
    }

    @Test
    void aThreadsDigestCarriesNothingFromOneRecordToTheNext() throws Exception {
        Tiny first = new Tiny("shared", 1.0, List.of(1), Letter.A, "long text only the first has", null, false, List.of("shared"));
        Tiny second = new Tiny("shared", 2.0, List.of(), Letter.A, null, null, true, List.of("shared"));
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(RatingDigest.canonical(second)));
        RatingDigest.sha256(first);
        assertThat(RatingDigest.sha256(second)).isEqualTo(expected);
        assertThat(RatingDigest.sha256(second)).isEqualTo(expected);
    }
}
