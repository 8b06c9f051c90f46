package org.greencredit.spark;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.greencredit.core.rating.Rating;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.core.validation.FieldError;
import org.greencredit.datasets.io.ReadRow;
import org.greencredit.engine.Attempt;
import org.greencredit.engine.RatingEngine;
import org.greencredit.engine.batch.BatchRunner;
import org.greencredit.engine.output.RatingProfile;
import org.greencredit.rules.engine.Ruleset;
import scala.Tuple2;

/**
 * Rates one partition: decodes each input row, rates the requests in slices of {@link #SLICE} with the executor's
 * engine (the crop models see a slice's plots in one call, as in the batch path) and gives one output row per input
 * row, a rating or a reject, streamed slice by slice so that a partition never sits in memory whole.
 */
final class PartitionRater implements FlatMapFunction<Iterator<Tuple2<Object, Long>>, Row> {
    private static final long serialVersionUID = 1L;
    /** Requests rated together: what the batch runner's workers take at a time. */
    static final int SLICE = 64;

    /** One input row made into a request, or the errors that stop it. */
    interface Decoder extends java.io.Serializable {
        /** @return null for a row to skip (a blank line), else the decoded row */
        ReadRow<RatingRequest> decode(Object input, long number);
    }

    private final RatingProfile profile;
    private final Decoder decoder;
    /** The job's rules, or null for those in the jar. */
    private final Broadcast<Ruleset.Sources> rules;
    /** The job's credit models from a registry, or null for those in the jar. */
    private final Broadcast<RegistryModels> models;

    PartitionRater(RatingProfile profile, Decoder decoder, Broadcast<Ruleset.Sources> rules, Broadcast<RegistryModels> models) {
        this.profile = profile;
        this.decoder = decoder;
        this.rules = rules;
        this.models = models;
    }

    /** Each output row: the input's row number, then a rating (with its month) or a reject. */
    static StructType outputSchema(RatingProfile profile) {
        return new StructType().add("row_id", DataTypes.LongType, false).add("rated_month", DataTypes.StringType, true)
                .add("rating", RecordStructs.schema(profile.type()), true).add("reject", RecordStructs.schema(BatchRunner.Rejected.class), true);
    }

    @Override
    public Iterator<Row> call(Iterator<Tuple2<Object, Long>> rows) {
        RatingEngine engine = ExecutorEngine.get(rules == null ? null : rules.value(), models == null ? null : models.value());
        return new Iterator<>() {
            private final ArrayDeque<Row> ready = new ArrayDeque<>();

            @Override
            public boolean hasNext() {
                while (ready.isEmpty() && rows.hasNext()) {
                    rateSlice(engine, rows, ready);
                }
                return !ready.isEmpty();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return ready.poll();
            }
        };
    }

    private void rateSlice(RatingEngine engine, Iterator<Tuple2<Object, Long>> rows, ArrayDeque<Row> out) {
        List<ReadRow<RatingRequest>> slice = new ArrayList<>(SLICE);
        while (slice.size() < SLICE && rows.hasNext()) {
            Tuple2<Object, Long> input = rows.next();
            long number = input._2() + 1;
            ReadRow<RatingRequest> row;
            try {
                row = decoder.decode(input._1(), number);
            } catch (RuntimeException e) {
                row = ReadRow.failed(number, List.of(new FieldError("$", "could not be read: " + e)));
            }
            if (row != null) {
                slice.add(row);
            }
        }
        List<RatingRequest> requests = slice.stream().filter(ReadRow::isOk).map(ReadRow::value).toList();
        List<Attempt<Rating>> attempts = requests.isEmpty() ? List.of() : engine.rateAll(requests);
        int next = 0;
        for (ReadRow<RatingRequest> row : slice) {
            if (!row.isOk()) {
                out.add(reject(new BatchRunner.Rejected(row.number(), null, row.errors())));
                continue;
            }
            Attempt<Rating> attempt = attempts.get(next++);
            if (attempt instanceof Attempt.Done<Rating> done) {
                Rating rating = done.value();
                String month = YearMonth.from(rating.ratedAt().atOffset(ZoneOffset.UTC)).toString();
                out.add(RowFactory.create(row.number(), month, RecordStructs.toRow(profile.shape(rating)), null));
            } else {
                out.add(reject(BatchRunner.Rejected.of(row, ((Attempt.Failed<Rating>) attempt).error())));
            }
        }
    }

    private static Row reject(BatchRunner.Rejected rejected) {
        return RowFactory.create(rejected.row(), null, null, RecordStructs.toRow(rejected));
    }

    /**
     * One engine per executor JVM, ruleset and set of models, built on first use: building compiles the rules and loads
     * the models, rating is thread-safe. Keyed by the ruleset's version and content hash (what its ratings report) and
     * the models' content hash, so that jobs with other rules or models in the same JVM get their own.
     */
    static final class ExecutorEngine {
        private static final Map<String, RatingEngine> ENGINES = new HashMap<>();

        private ExecutorEngine() {
        }

        /** {@code rules} and {@code models} null for those in the jar. */
        static synchronized RatingEngine get(Ruleset.Sources rules, RegistryModels models) {
            String key = (rules == null ? "" : rules.versionWithHash()) + "|" + (models == null ? "" : models.sha256());
            return ENGINES.computeIfAbsent(key, k -> {
                RatingEngine.Builder builder = RatingEngine.builder(Clock.systemUTC());
                if (rules != null) {
                    builder.ruleset(Ruleset.compile(rules));
                }
                if (models != null) {
                    builder.creditModels(models.load());
                }
                return builder.build();
            });
        }
    }
}
