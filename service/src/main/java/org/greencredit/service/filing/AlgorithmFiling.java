package org.greencredit.service.filing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import org.greencredit.core.rating.Versions;
import org.greencredit.engine.EngineInfo;
import org.greencredit.engine.RatingEngine;
import org.greencredit.models.cards.ModelCard;
import org.greencredit.service.appeal.AppealFeedback;
import org.greencredit.service.config.ServiceSettings;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The algorithm filing (算法备案) generated from what is live: the written principles, data sources,
 * decision steps, risks and appeal procedure ({@code filing/filing.json}), then, from the engine,
 * every rule of the active ruleset with its source, the model card of every model version in use
 * (with the credit champion's metrics by segment), the versions, and how the decisions fall on
 * groups of firms (the fairness report shipped with the engine, with the versions it measured), and
 * what resolved appeals touched (counts of inputs, rules, features and outcome changes).
 */
@Service
public class AlgorithmFiling {
    private static final String TEXTS = "/filing/filing.json";

    private final EngineInfo engine;
    private final Clock clock;
    private final ObjectNode texts;
    private final AppealFeedback appeals;
    /** The fairness report shipped with the engine: read once, it cannot change while the service runs. */
    private final JsonNode fairness;
    private final JsonMapper json;
    private final ServiceSettings.Filing settings;

    public AlgorithmFiling(RatingEngine engine, JsonMapper json, Clock clock, AppealFeedback appeals, ServiceSettings settings) {
        this.engine = engine.info();
        this.settings = settings.filing();
        this.appeals = appeals;
        this.fairness = this.engine.shippedFairness();
        this.json = json;
        this.clock = clock;
        try (InputStream in = AlgorithmFiling.class.getResourceAsStream(TEXTS)) {
            if (in == null) {
                throw new IllegalStateException(TEXTS + " is missing from the classpath");
            }
            this.texts = (ObjectNode) json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TEXTS, e);
        }
    }

    public ObjectNode current() {
        ObjectNode filing = texts.deepCopy();
        filing.put("generatedAt", Instant.now(clock).toString());
        // Null until the bank fills them in: the page says they are not given yet rather than showing an empty line.
        filing.put("filingNumber", settings.number().isBlank() ? null : settings.number());
        filing.put("contact", settings.contact().isBlank() ? null : settings.contact());
        Versions v = engine.current();
        ObjectNode versions = filing.putObject("versions");
        versions.put("engine", v.engine()).put("ruleset", v.ruleset()).put("models", v.models()).put("factors", v.factors());

        ArrayNode ruleList = filing.putArray("rules");
        engine.rules().forEach(r -> ruleList.addObject()
                .put("id", r.id()).put("titleZh", r.titleZh()).put("titleEn", r.titleEn()).put("source", r.source()));

        ArrayNode models = filing.putArray("models");
        for (ModelCard card : engine.modelCards()) {
            ObjectNode model = models.addObject().put("version", card.version());
            if (card.card() == null) {
                model.put("card", "no model card found for " + card.version());
            } else {
                model.set("card", card.card());
            }
            if (card.metricsBySegment() != null) {
                model.set("metricsBySegment", card.metricsBySegment());
            }
        }
        filing.set("fairness", fairness.deepCopy());
        filing.set("appealFeedback", json.valueToTree(appeals.report()));
        return filing;
    }
}
