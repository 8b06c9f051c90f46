package org.greencredit.datasets.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ext.javatime.deser.YearMonthDeserializer;

/** Months read on the fast path are the months Jackson reads; everything else gets Jackson's own answer and error. */
class IsoMonthDeserializerTest {
    public record Line(YearMonth month) {
    }

    /** The same configuration with Jackson's own month reader registered last, which takes precedence. */
    private static final JsonMapper JACKSONS = GreenCreditJson.configure(JsonMapper.builder())
            .addModule(new SimpleModule("jacksons-months").addDeserializer(YearMonth.class, YearMonthDeserializer.INSTANCE)).build();

    private static String read(JsonMapper mapper, String month) {
        try {
            return String.valueOf(mapper.readValue("{\"month\": " + month + "}", Line.class).month());
        } catch (JacksonException e) {
            return e.getClass().getSimpleName() + ": " + e.getOriginalMessage() + " " + GreenCreditJson.toFieldError(e);
        }
    }

    @Test
    void monthsAreTheYearAndMonthWritten() throws Exception {
        assertThat(GreenCreditJson.mapper().readValue("{\"month\": \"2025-03\"}", Line.class).month()).isEqualTo(YearMonth.of(2025, 3));
        assertThat(GreenCreditJson.mapper().readValue("{\"month\": \"0007-12\"}", Line.class).month()).isEqualTo(YearMonth.of(7, 12));
        assertThat(GreenCreditJson.mapper().readValue("{\"month\": \"9999-01\"}", Line.class).month()).isEqualTo(YearMonth.of(9999, 1));
    }

    @Test
    void everyOtherFormGetsJacksonsOwnAnswer() {
        List<String> inputs = List.of("\"2025-03\"", "\"1999-10\"", "\"2025-13\"", "\"2025-00\"", "\"2025-3\"", "\"25-03\"", "\"2025/03\"",
                "\"+2025-03\"", "\"-001-01\"", "\"２０２５-03\"", "\"2025-0３\"", "\"\"", "\" 2025-03\"", "\"2025-03 \"", "\"2025-03-01\"",
                "[2025, 3]", "202503", "null", "true", "{}");
        for (String month : inputs) {
            assertThat(read(GreenCreditJson.mapper(), month)).as(month).isEqualTo(read(JACKSONS, month));
        }
    }

    @Test
    void aBadMonthIsNamedAsJacksonNamesIt() {
        assertThat(read(GreenCreditJson.mapper(), "\"2025-13\"")).contains("month").contains("2025-13");
    }

    @Test
    void everyMonthOfFourCenturiesReadsAsJacksonReadsIt() throws Exception {
        for (int year = 1800; year < 2200; year++) {
            for (int month = 1; month <= 12; month++) {
                String text = "{\"month\": \"%04d-%02d\"}".formatted(year, month);
                assertThat(GreenCreditJson.mapper().readValue(text, Line.class)).isEqualTo(JACKSONS.readValue(text, Line.class));
            }
        }
    }
}
