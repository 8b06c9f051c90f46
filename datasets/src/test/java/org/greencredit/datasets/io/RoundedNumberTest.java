package org.greencredit.datasets.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.annotation.JsonSerialize;

class RoundedNumberTest {
    record Report(@JsonSerialize(using = RoundedNumber.Four.class) double rate,
                  @JsonSerialize(using = RoundedNumber.Six.class) double auc,
                  @JsonSerialize(using = RoundedNumber.Zero.class) double perSecond) {
    }

    @Test
    void figuresAreWrittenToTheirDecimalsHalfUp() {
        assertThat(GreenCreditJson.mapper().writeValueAsString(new Report(0.98345, 0.7189034999, 28123.5)))
                .isEqualTo("{\"rate\":0.9835,\"auc\":0.718903,\"perSecond\":28124}");
    }

    @Test
    void smallFiguresStayPlainDecimals() {
        assertThat(GreenCreditJson.mapper().writeValueAsString(new Report(0.00004, 0.0000005, 0)))
                .isEqualTo("{\"rate\":0.0000,\"auc\":0.000001,\"perSecond\":0}");
    }

    @Test
    void anUndefinedFigureIsNull() {
        assertThat(GreenCreditJson.mapper().writeValueAsString(new Report(Double.NaN, Double.POSITIVE_INFINITY, 1)))
                .isEqualTo("{\"rate\":null,\"auc\":null,\"perSecond\":1}");
    }
}
