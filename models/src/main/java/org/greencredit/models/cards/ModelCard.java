package org.greencredit.models.cards;

import tools.jackson.databind.JsonNode;

/**
 * A model's published card as its JSON, and the metrics by segment measured for it when there are
 * any: what the algorithm filing shows of each model a rating uses.
 *
 * @param card             the model-card JSON shipped beside the model, or null when the model has none
 * @param metricsBySegment the segment report shipped beside the model, or null
 */
public record ModelCard(String version, JsonNode card, JsonNode metricsBySegment) {
}
