package org.greencredit.models.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.greencredit.models.drift.DriftReport;
import org.greencredit.models.drift.PopulationReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference written at training, and drift of the same, a shifted and a mixed population, for both kinds of model. */
class ModelDriftTest {
    @TempDir
    Path dir;

    /**
     * logit(bad) = -2 + 1.5 debt + 0.5 [region = west]; debt uniform on (shift, shift + 1), a tenth missing; region east, west or
     * north alike. {@code month} labels every row.
     */
    private Path table(String name, int n, long seed, double debtShift, String month) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder csv = new StringBuilder("month,debt,region,bad\n");
        append(csv, n, r, debtShift, month);
        Path file = dir.resolve(name);
        Files.writeString(file, csv);
        return file;
    }

    private static void append(StringBuilder csv, int n, SplittableRandom r, double debtShift, String month) {
        for (int i = 0; i < n; i++) {
            double debt = debtShift + r.nextDouble();
            String region = new String[] {"east", "west", "north"}[r.nextInt(3)];
            boolean bad = r.nextDouble() < 1 / (1 + Math.exp(-(-2 + 1.5 * debt + (region.equals("west") ? 0.5 : 0))));
            csv.append(month).append(',').append(r.nextDouble() < 0.1 ? "" : String.format(Locale.ROOT, "%.4f", debt)).append(',')
                    .append(region).append(',').append(bad ? 1 : 0).append('\n');
        }
    }

    private static Map<String, DriftReport.VariableDrift> byVariable(DriftReport.Report report) {
        return report.variables().stream().collect(Collectors.toMap(DriftReport.VariableDrift::variable, v -> v));
    }

    @Test
    void theTrainingTableItselfHasNoDriftAndAShiftedDebtIsAnAlert() throws IOException {
        Path training = table("train.csv", 5_000, 1, 0, "2026-01");
        for (ModelTraining.Kind kind : ModelTraining.Kind.values()) {
            Path model = dir.resolve(kind.name());
            ModelTraining.train(training, "bad", null, Set.of("month"), model, 2, kind);
            assertThat(model.resolve(PopulationReference.FILE)).exists();

            DriftReport.Report same = ModelDrift.drift(model, training, null);
            assertThat(same.rows()).isEqualTo(5_000);
            assertThat(same.variables()).extracting(DriftReport.VariableDrift::variable).contains("debt", "region", PopulationReference.SCORE);
            assertThat(same.variables()).as(kind.toString()).allSatisfy(v -> assertThat(v.psi()).isZero());
            assertThat(same.alerts()).isEmpty();

            // Debt moved up by half its range: half the rows land in the reference's top five deciles' place and beyond.
            DriftReport.Report shifted = ModelDrift.drift(model, table("shifted.csv", 5_000, 3, 0.5, "2026-02"), null);
            Map<String, DriftReport.VariableDrift> drift = byVariable(shifted);
            assertThat(drift.get("debt").psi()).as(kind + " debt").isGreaterThan(DriftReport.alert().from());
            assertThat(drift.get("debt").level()).isEqualTo("ALERT");
            assertThat(drift.get(PopulationReference.SCORE).level()).as(kind + " score").isEqualTo("ALERT");
            // Region was drawn the same way: a fresh sample of 5,000 moves its shares by a percent or so, an index far below 0.1.
            assertThat(drift.get("region").psi()).isLessThan(0.01);
            assertThat(drift.get("region").level()).isEqualTo("STABLE");
            assertThat(shifted.alerts()).contains("debt", PopulationReference.SCORE).doesNotContain("region");
        }
    }

    @Test
    void byMonthOnlyTheShiftedMonthAlerts() throws IOException {
        Path training = table("t.csv", 4_000, 5, 0, "2026-01");
        Path model = dir.resolve("m");
        ModelTraining.train(training, "bad", null, Set.of("month"), model, 2, ModelTraining.Kind.SCORECARD);
        StringBuilder csv = new StringBuilder("month,debt,region,bad\n");
        append(csv, 3_000, new SplittableRandom(6), 0, "2026-03-31");
        append(csv, 3_000, new SplittableRandom(7), 0.6, "2026/4/30");
        Path mixed = dir.resolve("mixed.csv");
        Files.writeString(mixed, csv);

        DriftReport.Report report = ModelDrift.drift(model, mixed, "month");
        assertThat(report.months()).extracting(DriftReport.Month::month).containsExactly("2026-03", "2026-04");
        assertThat(report.months()).extracting(DriftReport.Month::rows).containsExactly(3_000, 3_000);
        assertThat(report.months().get(0).alerts()).isEmpty();
        assertThat(report.months().get(1).alerts()).contains("debt");
        assertThat(report.months().get(0).psi().get("debt")).isLessThan(0.1);
        assertThat(report.alerts()).contains("debt");
    }

    @Test
    void aModelWithoutReferenceSaysHowToWriteOneAndThenDrifts() throws IOException {
        Path training = table("old.csv", 3_000, 8, 0, "2026-01");
        Path model = dir.resolve("old");
        ModelTraining.train(training, "bad", null, Set.of("month"), model, 2, ModelTraining.Kind.SCORECARD);
        Files.delete(model.resolve(PopulationReference.FILE));
        assertThatThrownBy(() -> ModelDrift.drift(model, training, null)).hasMessageContaining("has no reference.csv")
                .hasMessageContaining("model reference --model");
        ModelDrift.writeReference(model, training);
        assertThat(ModelDrift.drift(model, training, null).variables()).allSatisfy(v -> assertThat(v.psi()).isZero());
    }

    @Test
    void dataWithoutAColumnTheModelReadsIsAnError() throws IOException {
        Path training = table("x.csv", 2_000, 9, 0, "2026-01");
        Path model = dir.resolve("x");
        ModelTraining.train(training, "bad", null, Set.of("month"), model, 2, ModelTraining.Kind.SCORECARD);
        Path lacking = dir.resolve("lacking.csv");
        Files.writeString(lacking, "month,region\n2026-05,east\n");
        assertThatThrownBy(() -> ModelDrift.drift(model, lacking, null)).hasMessageContaining("no column 'debt', which the model reads");
    }
}
