package org.greencredit.service.models;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.greencredit.core.rating.Contribution;
import org.greencredit.core.rating.Rating;
import org.greencredit.engine.RatingEngine;
import org.greencredit.models.drift.DriftReport;
import org.greencredit.models.drift.PopulationReference;
import org.greencredit.models.drift.RunningDrift;
import org.greencredit.models.registry.ModelRegistry;
import org.greencredit.service.config.ModelRegistrySetting;
import org.greencredit.service.rating.RatingStoredListener;
import org.springframework.stereotype.Component;

/**
 * Population stability of the champion's inputs and PD, month by month, against the training population saved with
 * the model ({@code reference.csv}): every rating the champion scored is counted into the reference's bins as it is
 * stored (no rows kept). On {@code /actuator/prometheus} as {@code greencredit_model_drift_psi{model, variable}} for the
 * current month and {@code greencredit_model_drift_alerts{model}}, the number of variables at the documented alert level
 * (drift_thresholds.csv); officers read the same at {@code GET /api/v1/models/drift}. Counts live in memory since the
 * start (the months kept are the last {@value #MONTHS_KEPT}); {@code model drift} on the bank's own tables is the
 * authoritative monthly run. A champion without a reference is reported as such, not as stable.
 */
@Component
public class DriftMonitor implements RatingStoredListener {
    static final int MONTHS_KEPT = 13;

    private final RatingEngine engine;
    private final ModelRegistry registry;
    private final MeterRegistry meters;
    private final Map<String, Tracked> tracked = new ConcurrentHashMap<>();
    private final Set<String> gauged = ConcurrentHashMap.newKeySet();

    /** One champion's reference and its counts by month. */
    private record Tracked(String model, PopulationReference reference, ConcurrentSkipListMap<YearMonth, RunningDrift> months) {
    }

    public DriftMonitor(RatingEngine engine, ModelRegistrySetting setting, MeterRegistry meters) {
        this.engine = engine;
        this.registry = setting.registryOrNull();
        this.meters = meters;
    }

    /** Counts a stored rating that the champion in force now scored. */
    @Override
    public void stored(Rating rating) {
        String champion = engine.creditModels().champion().version();
        if (!champion.equals(rating.credit().modelVersion())) {
            return;
        }
        Tracked t = tracked(champion);
        if (t.reference() == null) {
            return;
        }
        Map<String, Object> values = new HashMap<>();
        for (Contribution c : rating.explanation().contributions()) {
            values.put(c.feature(), c.value());
        }
        // The PD at the rating's points, unrounded as in the reference: whole points give few distinct PDs, the deciles'
        // edges sit on them, and the rating's four-decimal PD would move every firm at an edge into the bin below.
        values.put(PopulationReference.SCORE, engine.creditModels().champion().pdOf(rating.credit().score()));
        YearMonth month = YearMonth.from(rating.ratedAt().atZone(ZoneOffset.UTC));
        t.months().computeIfAbsent(month, m -> new RunningDrift(t.reference())).add(values);
        while (t.months().size() > MONTHS_KEPT) {
            t.months().pollFirstEntry();
        }
    }

    /** One month's figures: how many ratings, each variable's index and level, and the variables at the alert level. */
    public record Month(String month, long ratings, List<DriftReport.VariableDrift> variables, List<String> alerts) {
    }

    /** @param reference where the reference comes from, or null when the champion has none (then no months) */
    public record Report(String model, String reference, double alertFrom, List<DriftReport.Level> levels, List<Month> months) {
    }

    /** The champion in force now, newest month first. */
    public Report report() {
        String champion = engine.creditModels().champion().version();
        Tracked t = tracked(champion);
        List<Month> months = new ArrayList<>();
        if (t.reference() != null) {
            t.months().descendingMap().forEach((month, drift) -> {
                List<DriftReport.VariableDrift> variables = drift.drift();
                months.add(new Month(month.toString(), drift.rows(), variables,
                        variables.stream().filter(v -> v.level().equals(DriftReport.alert().name())).map(DriftReport.VariableDrift::variable).toList()));
            });
        }
        return new Report(champion, t.reference() == null ? null : t.reference().source(), DriftReport.alert().from(), DriftReport.levels(),
                months);
    }

    private Tracked tracked(String champion) {
        return tracked.computeIfAbsent(champion, v -> {
            Tracked t = new Tracked(v, referenceOf(v), new ConcurrentSkipListMap<>());
            if (t.reference() != null) {
                register(t);
            }
            return t;
        });
    }

    /** The reference beside the registry's active champion, or beside the shipped model of that version. */
    private PopulationReference referenceOf(String version) {
        if (registry != null) {
            Path dir = registry.dir().resolve(registry.active().champion());
            if (Files.isRegularFile(dir.resolve(PopulationReference.FILE))) {
                return PopulationReference.load(dir);
            }
        }
        return PopulationReference.shipped(version);
    }

    private void register(Tracked t) {
        for (String variable : t.reference().variables()) {
            if (gauged.add(t.model() + "\u0000" + variable)) {
                Gauge.builder("greencredit.model.drift.psi", () -> currentPsi(t, variable))
                        .description("Population stability index of a champion input (or its PD) this month against its training population")
                        .tag("model", t.model()).tag("variable", variable).register(meters);
            }
        }
        Gauge.builder("greencredit.model.drift.alerts", () -> currentAlerts(t))
                .description("Champion inputs at the alert level of drift_thresholds.csv this month").tag("model", t.model()).register(meters);
    }

    private double currentPsi(Tracked t, String variable) {
        RunningDrift drift = t.months().get(YearMonth.now(ZoneOffset.UTC));
        if (drift == null || drift.rows() == 0) {
            return Double.NaN;
        }
        return drift.drift().stream().filter(v -> v.variable().equals(variable)).findFirst().map(DriftReport.VariableDrift::psi).orElse(Double.NaN);
    }

    private double currentAlerts(Tracked t) {
        RunningDrift drift = t.months().get(YearMonth.now(ZoneOffset.UTC));
        return drift == null ? 0 : drift.drift().stream().filter(v -> v.level().equals(DriftReport.alert().name())).count();
    }
}
