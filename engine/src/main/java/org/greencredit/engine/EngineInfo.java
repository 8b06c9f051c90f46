package org.greencredit.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.greencredit.core.rating.Versions;
import org.greencredit.core.request.Crop;
import org.greencredit.datasets.io.GreenCreditJson;
import org.greencredit.datasets.reference.EfficiencyLevel;
import org.greencredit.datasets.reference.ReferenceData;
import org.greencredit.datasets.reference.ReferenceTable;
import org.greencredit.engine.reports.FairnessReport;
import org.greencredit.models.cards.ModelCard;
import org.greencredit.models.credit.Scorecard;
import org.greencredit.models.registry.CreditModels;
import org.greencredit.rules.engine.RuleInfo;
import org.greencredit.rules.engine.RulesetRegistry;
import tools.jackson.databind.JsonNode;

/**
 * What an engine rates with, answered from the same objects it rates with: the versions in force,
 * the card of every model, the names of the codes a rating uses, and the live rules. What the
 * algorithm filing, the vocabulary endpoint and the audit of versions read.
 */
public final class EngineInfo {
    /** One part of what a rating depends on: kind is engine, ruleset, model or factors. */
    public record Component(String kind, String version) {
    }

    /** A code's name in both languages. */
    public record Name(String zh, String en) {
    }

    /**
     * Names by code of what a rating and its request use, so that pages show words: the credit features (contributions),
     * the crops, the carbon-efficiency levels (1 best to 5, carbon_efficiency_levels.csv), the GB/T 2260 provinces (the
     * first two digits of a region code), the GB/T 4754-2017 divisions (section letter and division, e.g. C13, the start
     * of an industry code), the spend categories of purchased goods, the reasons a rating is referred or declined, and
     * the sources the shipped rules cite, keyed by the source as a rule gives it ({@code engine/rule_sources.csv}; a
     * bank's own rule citing another source has none and is shown as written).
     */
    public record Vocabulary(Map<String, Name> features, Map<String, Name> crops, Map<String, Name> efficiencyLevels,
                             Map<String, Name> provinces, Map<String, Name> industries, Map<String, Name> spendCategories,
                             Map<String, Name> reasons, Map<String, Name> ruleSources) {
    }

    /** One live rule with its id, titles and the source its threshold or points come from. */
    public record Rule(String id, String titleZh, String titleEn, String source) {
    }

    /** The Chinese wording of the sources the shipped rules cite, by the source as written. */
    private static final String RULE_SOURCES = "/engine/rule_sources.csv";

    private final Supplier<Versions> versions;
    private final Supplier<List<String>> models;
    private final Supplier<CreditModels> credit;
    private final RulesetRegistry rules;
    private final Map<String, Name> crops;
    private final Map<String, Name> efficiencyLevels;
    private final Map<String, Name> provinces;
    private final Map<String, Name> industries;
    private final Map<String, Name> spendCategories;
    private final Map<String, Name> reasons;
    private final Map<String, Name> ruleSources;
    /** The vocabulary of the credit models it was made for: rebuilt only when they change. */
    private volatile CachedVocabulary vocabulary;

    private record CachedVocabulary(CreditModels models, Vocabulary vocabulary) {
    }

    /**
     * @param models every model a rating uses now, in the order its versions name them
     * @param credit the credit models in force now
     */
    EngineInfo(Supplier<Versions> versions, Supplier<List<String>> models, Supplier<CreditModels> credit, RulesetRegistry rules,
               ReferenceData reference, ReasonTexts reasonTexts) {
        this.versions = versions;
        this.models = models;
        this.credit = credit;
        this.rules = rules;
        Map<String, Name> crops = new TreeMap<>();
        for (Crop crop : Crop.values()) {
            crops.put(crop.name(), new Name(reference.crop(crop).nameZh(), reference.crop(crop).nameEn()));
        }
        this.crops = Map.copyOf(crops);
        Map<String, Name> levels = new TreeMap<>();
        for (EfficiencyLevel level : reference.efficiencyLevels()) {
            levels.put(Integer.toString(level.level()), new Name(level.labelZh(), level.labelEn()));
        }
        this.efficiencyLevels = Map.copyOf(levels);
        Map<String, Name> provinceNames = new TreeMap<>();
        reference.provinces().forEach(p -> provinceNames.put(p.code(), new Name(p.nameZh(), p.nameEn())));
        this.provinces = Map.copyOf(provinceNames);
        Map<String, Name> industryNames = new TreeMap<>();
        reference.industries().forEach(i -> industryNames.put(i.section() + i.division(), new Name(i.nameZh(), i.nameEn())));
        this.industries = Map.copyOf(industryNames);
        Map<String, Name> spendNames = new TreeMap<>();
        reference.spendCategoryNames().forEach(c -> spendNames.put(c.code(), new Name(c.nameZh(), c.nameEn())));
        this.spendCategories = Map.copyOf(spendNames);
        this.reasons = reasonTexts.names();
        Map<String, Name> sources = new TreeMap<>();
        for (ReferenceTable.Row r : ReferenceTable.fromClasspath(RULE_SOURCES, "zh").rows()) {
            sources.put(r.text("source"), new Name(r.text("zh"), r.text("source")));
        }
        this.ruleSources = Map.copyOf(sources);
    }

    /** The versions a rating made now would report (the ruleset may change on reload). */
    public Versions current() {
        return versions.get();
    }

    /** The same versions one per line: the engine, the ruleset, each model in the order a rating names them, the factor tables. */
    public List<Component> components() {
        Versions v = current();
        List<Component> all = new ArrayList<>();
        all.add(new Component("engine", v.engine()));
        all.add(new Component("ruleset", v.ruleset()));
        models.get().forEach(m -> all.add(new Component("model", m)));
        all.add(new Component("factors", v.factors()));
        return List.copyOf(all);
    }

    /**
     * The card of every model a rating uses, in the order a rating names them (a challenger's under its own version); a
     * model without a card has a null card.
     */
    public List<ModelCard> modelCards() {
        CreditModels in = credit.get();
        return models.get().stream().map(m -> in.card(m.startsWith(Versions.CHALLENGER_PREFIX) ? m.substring(Versions.CHALLENGER_PREFIX.length()) : m)).toList();
    }

    /**
     * The fairness report shipped with the engine ({@link FairnessReport#SHIPPED}, what {@code model fairness --count 10000 --seed 2}
     * printed), as JSON; its {@code versions} say which rules and models it measured.
     */
    public JsonNode shippedFairness() {
        try (InputStream in = EngineInfo.class.getResourceAsStream(FairnessReport.SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException(FairnessReport.SHIPPED + " is missing from the classpath");
            }
            return GreenCreditJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FairnessReport.SHIPPED, e);
        }
    }

    /** The codes of the credit features of the champion and thin-file scorecards in force, of the crops and of the efficiency levels. */
    public Vocabulary vocabulary() {
        CreditModels in = credit.get();
        CachedVocabulary cached = vocabulary;
        if (cached == null || cached.models() != in) {
            Map<String, Name> features = new TreeMap<>();
            for (Scorecard scorecard : List.of(in.champion(), in.thinFile())) {
                scorecard.features().forEach((code, info) -> features.put(code, new Name(info.nameZh(), info.nameEn())));
            }
            cached = new CachedVocabulary(in, new Vocabulary(Map.copyOf(features), crops, efficiencyLevels, provinces, industries,
                    spendCategories, reasons, ruleSources));
            vocabulary = cached;
        }
        return cached.vocabulary();
    }

    /** Every rule of the active ruleset, by id. */
    public List<Rule> rules() {
        return rules.get().ruleset().rules().stream().sorted(Comparator.comparing(RuleInfo::id))
                .map(r -> new Rule(r.id(), r.titleZh(), r.titleEn(), r.source())).toList();
    }
}
