package org.greencredit.models.cards;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShippedModelCardsTest {
    @Test
    void theChampionHasItsCardAndItsSegmentMetrics() {
        ModelCard card = ShippedModelCards.of("scorecard-v1");
        assertThat(card.card().get("version").asString()).isEqualTo("scorecard-v1");
        assertThat(card.metricsBySegment().get("model").asString()).isEqualTo("scorecard-v1");
    }

    @Test
    void cropAndDetectorCardsAreFoundWhereTheirKindKeepsThem() {
        assertThat(ShippedModelCards.of("crop-xgb-v1").card().isObject()).isTrue();
        assertThat(ShippedModelCards.of("yield-v1").card().isObject()).isTrue();
        assertThat(ShippedModelCards.of("carbon-ocsvm-v1").card().isObject()).isTrue();
        assertThat(ShippedModelCards.of("crop-xgb-v1").metricsBySegment()).isNull();
    }

    @Test
    void anUnknownVersionHasNoCard() {
        ModelCard card = ShippedModelCards.of("scorecard-v99");
        assertThat(card.card()).isNull();
        assertThat(card.metricsBySegment()).isNull();
    }
}
