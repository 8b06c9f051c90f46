package org.greencredit.models.cards;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.greencredit.datasets.io.GreenCreditJson;
import tools.jackson.databind.JsonNode;

/**
 * Finds the card of a shipped model by its version. The models module decides where each kind of
 * model keeps its card, so that no caller guesses resource paths: credit and crop models have
 * {@code model-card.json} (and the credit champion {@code segment-metrics.json}) in their
 * directory, the carbon pattern detector a JSON file named after it.
 */
public final class ShippedModelCards {
    private static final List<String> CARD_LOCATIONS = List.of("/models/credit/%s/model-card.json", "/models/crop/%s/model-card.json",
            "/models/anomaly/%s.json");
    private static final String SEGMENT_METRICS = "/models/credit/%s/segment-metrics.json";

    private ShippedModelCards() {
    }

    /** The card of {@code version}; its {@code card} is null when no shipped model has that version. */
    public static ModelCard of(String version) {
        JsonNode card = null;
        for (String location : CARD_LOCATIONS) {
            card = read(location.replace("%s", version));
            if (card != null) {
                break;
            }
        }
        return new ModelCard(version, card, read(SEGMENT_METRICS.replace("%s", version)));
    }

    private static JsonNode read(String resource) {
        try (InputStream in = ShippedModelCards.class.getResourceAsStream(resource)) {
            return in == null ? null : GreenCreditJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
