package org.greencredit.engine.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.LongStream;
import org.greencredit.core.rating.Rating;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.core.request.Sme;
import org.greencredit.core.validation.FieldError;
import org.greencredit.datasets.io.GreenCreditJson;
import org.greencredit.datasets.io.PendingRow;
import org.greencredit.datasets.io.ReadRow;
import org.greencredit.datasets.io.RecordReader;
import org.greencredit.datasets.io.RecordWriter;
import org.greencredit.datasets.reference.ReferenceData;
import org.greencredit.datasets.synthetic.SyntheticPopulation;
import org.greencredit.engine.Attempt;
import org.greencredit.engine.EngineSettings;
import org.greencredit.engine.RatingEngine;
import org.greencredit.models.crop.YieldModel;
import org.greencredit.models.series.LabelledSeries;
import org.greencredit.models.series.SeriesClassifier;
import org.junit.jupiter.api.Test;

class BatchRunnerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
    private static final RatingEngine ENGINE = RatingEngine.standard(CLOCK);
    private static final SyntheticPopulation POPULATION = new SyntheticPopulation(33, YearMonth.of(2025, 12), 24, ReferenceData.shipped());

    /** Rows 1..n from the population, except: row 5 cannot be decoded, row 7 is invalid (an unknown region). */
    private static List<PendingRow<RatingRequest>> rows(int n) {
        List<PendingRow<RatingRequest>> rows = new ArrayList<>();
        for (long number = 1; number <= n; number++) {
            RatingRequest request = POPULATION.generate(number).request();
            if (number == 5) {
                long failing = number;
                rows.add(new PendingRow<>() {
                    @Override
                    public long number() {
                        return failing;
                    }

                    @Override
                    public ReadRow<RatingRequest> decode() {
                        throw new IllegalStateException("garbled bytes");
                    }
                });
            } else if (number == 7) {
                Sme s = request.sme();
                Sme badRegion = new Sme(s.id(), s.name(), "990000", s.industryCode(), s.sizeClass(), s.foundedOn());
                rows.add(PendingRow.of(ReadRow.ok(number, new RatingRequest(badRegion, request.carbonAccount(), request.greenBehaviours(),
                        request.credit(), request.plots(), request.loanRequest()))));
            } else {
                rows.add(PendingRow.of(ReadRow.ok(number, request)));
            }
        }
        return rows;
    }

    private static <R> Outputs<R> run(BatchRunner<R> runner, List<PendingRow<RatingRequest>> rows) {
        Outputs<R> outputs = new Outputs<>();
        Iterator<PendingRow<RatingRequest>> it = rows.iterator();
        RecordReader<RatingRequest> reader = new RecordReader<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public ReadRow<RatingRequest> next() {
                throw new UnsupportedOperationException("the runner takes pending rows");
            }

            @Override
            public PendingRow<RatingRequest> nextPending() {
                return it.next();
            }

            @Override
            public void close() {
            }
        };
        outputs.summary = runner.run(reader, into(outputs.results), into(outputs.rejects));
        return outputs;
    }

    private static <T> RecordWriter<T> into(List<T> list) {
        return new RecordWriter<>() {
            @Override
            public void write(T record) {
                list.add(record);
            }

            @Override
            public void close() {
            }
        };
    }

    private static final class Outputs<R> {
        final List<R> results = new ArrayList<>();
        final List<BatchRunner.Rejected> rejects = new ArrayList<>();
        BatchRunner.Summary summary;
    }

    private static String json(Rating r) {
        return GreenCreditJson.mapper().writeValueAsString(r.withIdentity("x", Instant.EPOCH));
    }

    @Test
    void slicesGiveTheRatingsOfOneByOneInInputOrderAndRejectWhatCannotBeRated() {
        // 1,500 rows: two chunks, the second part-filled, many slices, farms among them (12% of the population).
        List<PendingRow<RatingRequest>> rows = rows(1_500);
        Outputs<Rating> out = run(BatchRunner.rating(ENGINE, 2), rows);

        assertThat(out.summary).isEqualTo(new BatchRunner.Summary(1_500, 1_498, 2));
        assertThat(out.rejects).extracting(BatchRunner.Rejected::row).containsExactly(5L, 7L);
        assertThat(out.rejects.get(0).errors()).extracting(FieldError::field).containsExactly("$");
        assertThat(out.rejects.get(0).errors().get(0).message()).contains("could not be read", "garbled bytes");
        assertThat(out.rejects.get(1).errors()).extracting(FieldError::field).containsExactly("sme.regionCode");
        List<Long> rated = LongStream.rangeClosed(1, 1_500).filter(n -> n != 5 && n != 7).boxed().toList();
        assertThat(out.results).extracting(Rating::smeId)
                .containsExactlyElementsOf(rated.stream().map(n -> POPULATION.generate(n).request().sme().id()).toList());
        assertThat(out.results).filteredOn(r -> r.crop() != null).hasSizeGreaterThan(100);
        for (int i = 0; i < out.results.size(); i++) {
            assertThat(json(out.results.get(i))).isEqualTo(json(ENGINE.rate(POPULATION.generate(rated.get(i)).request())));
        }
    }

    @Test
    void aCropModelThatFailsFailsOnlyTheFarmsNotTheFirmsRatedBesideThem() {
        // A classifier whose labels are no crops: every farm's crop recognition throws, in the slice's joint call and
        // again for each farm alone; the firms without plots in the same slices must still be rated.
        List<String> labels = new ArrayList<>();
        List<double[]> series = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            labels.add(i % 2 == 0 ? "NOT_A_CROP" : "NOR_THIS");
            double[] s = new double[36];
            for (int d = 0; d < s.length; d++) {
                s[d] = (i % 2 == 0 ? 0.2 : 0.7) + 0.01 * ((i + d) % 5);
            }
            series.add(s);
        }
        SeriesClassifier noCrops = SeriesClassifier.train(new LabelledSeries(labels, series, 36), 3);
        EngineSettings shipped = EngineSettings.shipped();
        RatingEngine broken = RatingEngine.builder(CLOCK).cropModels(noCrops, noCrops, YieldModel.shipped(shipped.yieldModel())).build();
        List<PendingRow<RatingRequest>> rows = rows(300);
        Outputs<Rating> out = run(BatchRunner.rating(broken, 2), rows);

        List<Long> farms = LongStream.rangeClosed(1, 300).filter(n -> n != 5 && n != 7 && POPULATION.generate(n).request().hasPlots())
                .boxed().toList();
        assertThat(farms).hasSizeGreaterThan(10);
        assertThat(out.rejects).extracting(BatchRunner.Rejected::row)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 300).filter(n -> n == 5 || n == 7 || farms.contains(n)).boxed().toList());
        assertThat(out.rejects).filteredOn(r -> farms.contains(r.row()))
                .allSatisfy(r -> assertThat(r.errors().get(0).message()).startsWith("could not be rated: java.lang.IllegalArgumentException"));
        List<Long> firms = LongStream.rangeClosed(1, 300).filter(n -> n != 5 && n != 7 && !farms.contains(n)).boxed().toList();
        assertThat(out.results).hasSize(firms.size());
        // The same ratings as with the shipped crop models, which a firm without plots never uses, but for their names.
        for (int i = 0; i < firms.size(); i++) {
            assertThat(json(out.results.get(i))).isEqualTo(json(ENGINE.rate(POPULATION.generate(firms.get(i)).request()))
                    .replace(ENGINE.versions().models(), broken.versions().models()));
        }
    }

    @Test
    void workThatFailsAsAWholeRejectsTheRowsOfItsSliceOnly() {
        // Slices are 64 rows: rows 65-128 form the second slice.
        BatchRunner<String> runner = BatchRunner.ofSlices(requests -> {
            if (requests.get(0).sme().id().equals(POPULATION.generate(65).request().sme().id())) {
                throw new IllegalStateException("model server gone");
            }
            return requests.stream().<Attempt<String>>map(r -> new Attempt.Done<>(r.sme().id())).toList();
        }, 2);
        Outputs<String> out = run(runner, rows(200));

        assertThat(out.rejects).extracting(BatchRunner.Rejected::row)
                .containsExactlyElementsOf(LongStream.concat(LongStream.of(5), LongStream.rangeClosed(65, 128)).boxed().toList());
        assertThat(out.rejects.get(1).errors().get(0).message()).isEqualTo("could not be rated: java.lang.IllegalStateException: model server gone");
        assertThat(out.results).hasSize(200 - 1 - 64);
        assertThat(out.summary).isEqualTo(new BatchRunner.Summary(200, 135, 65));
    }

    @Test
    void workThatAnswersTooFewRowsRejectsItsSliceRatherThanMisplacingResults() {
        BatchRunner<String> runner = BatchRunner.ofSlices(requests -> requests.stream().skip(1)
                .<Attempt<String>>map(r -> new Attempt.Done<>(r.sme().id())).toList(), 1);
        Outputs<String> out = run(runner, rows(10));

        assertThat(out.results).isEmpty();
        assertThat(out.rejects).extracting(BatchRunner.Rejected::row).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(out.rejects.get(0).errors().get(0).message()).contains("the work gave 8 results for 9 requests");
    }
}
