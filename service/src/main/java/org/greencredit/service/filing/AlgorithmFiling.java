package org.greencredit.service.filing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.greencredit.core.rating.Versions;
import org.greencredit.engine.RatingEngine;
import org.greencredit.rules.engine.RuleInfo;
import org.greencredit.rules.engine.RulesetRegistry;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The algorithm filing (算法备案) generated from what is live: the written principles, data sources,
 * decision steps, risks and appeal procedure ({@code filing/filing.json}), then every rule of the
 * active ruleset with its source, the model card of every model version in use (with the credit
 * champion's metrics by segment), and the versions.
 */
@Service
public class AlgorithmFiling {
    private static final String TEXTS = "/filing/filing.json";
    /** Where the models module ships each kind of model card. */
    private static final List<String> CARD_LOCATIONS = List.of("/models/credit/%s/model-card.json", "/models/crop/%s/model-card.json",
            "/models/anomaly/%s.json");
    private static final String SEGMENT_METRICS = "/models/credit/%s/segment-metrics.json";

    private final RatingEngine engine;
    private final RulesetRegistry rules;
    private final JsonMapper json;
    private final Clock clock;
    private final ObjectNode texts;

    public AlgorithmFiling(RatingEngine engine, RulesetRegistry rules, JsonMapper json, Clock clock) {
        this.engine = engine;
        this.rules = rules;
        this.json = json;
        this.clock = clock;
        this.texts = (ObjectNode) resource(TEXTS);
        if (texts == null) {
            throw new IllegalStateException(TEXTS + " is missing from the classpath");
        }
    }

    public ObjectNode current() {
        ObjectNode filing = texts.deepCopy();
        filing.put("generatedAt", Instant.now(clock).toString());
        Versions v = engine.versions();
        ObjectNode versions = filing.putObject("versions");
        versions.put("engine", v.engine()).put("ruleset", v.ruleset()).put("models", v.models()).put("factors", v.factors());

        ArrayNode ruleList = filing.putArray("rules");
        rules.get().ruleset().rules().stream().sorted(Comparator.comparing(RuleInfo::id)).forEach(r -> ruleList.addObject()
                .put("id", r.id()).put("titleZh", r.titleZh()).put("titleEn", r.titleEn()).put("source", r.source()));

        ArrayNode models = filing.putArray("models");
        for (String version : Arrays.stream(v.models().split(",")).map(String::strip).toList()) {
            ObjectNode model = models.addObject().put("version", version);
            JsonNode card = CARD_LOCATIONS.stream().map(p -> resource(String.format(p, version))).filter(c -> c != null).findFirst()
                    .orElse(null);
            if (card == null) {
                model.put("card", "no model card found for " + version);
            } else {
                model.set("card", card);
            }
            JsonNode segments = resource(String.format(SEGMENT_METRICS, version));
            if (segments != null) {
                model.set("metricsBySegment", segments);
            }
        }
        return filing;
    }

    private JsonNode resource(String path) {
        try (InputStream in = AlgorithmFiling.class.getResourceAsStream(path)) {
            return in == null ? null : json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
