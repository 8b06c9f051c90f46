package org.greencredit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.datasets.io.GreenCreditJson;
import org.greencredit.datasets.io.RecordFormat;
import org.greencredit.datasets.io.RecordReader;
import org.greencredit.datasets.io.RecordWriter;
import org.greencredit.engine.RatingEngine;
import org.greencredit.engine.SyntheticRequests;
import org.greencredit.engine.batch.BatchRunner;
import org.greencredit.engine.output.RatingDecision;
import org.greencredit.engine.output.RatingProfile;
import org.greencredit.models.registry.ModelRegistry;
import org.greencredit.rules.engine.RulesetException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job in local mode against the batch path on the same input: the same decision per firm, every row either
 * rated or rejected with its row number and error, and reruns that neither redo a finished job nor duplicate rows.
 */
@Tag("slow")
class SparkRateJobTest {
    private static final int REQUESTS = 20_000;
    private static SparkSession spark;
    private static RatingEngine engine;

    @TempDir
    static Path dir;
    private static Path requests;
    /** The batch path's decisions on the same file, by firm: what the job must agree with. */
    private static final Map<String, RatingDecision> BATCH = new HashMap<>();
    private static final List<BatchRunner.Rejected> BATCH_REJECTS = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        engine = RatingEngine.standard(Clock.systemUTC());
        SyntheticRequests population = engine.syntheticRequests(41);
        requests = dir.resolve("requests.jsonl");
        try (RecordWriter<RatingRequest> out = RecordFormat.openWriter(requests, RatingRequest.class)) {
            for (int i = 0; i < REQUESTS; i++) {
                out.write(population.get(i));
            }
        }
        // Line 20,001 cannot be read, line 20,002 is blank (skipped, as by the batch path), line 20,003 is invalid.
        RatingRequest invalid = population.get(REQUESTS);
        String invalidJson = GreenCreditJson.mapper().writeValueAsString(invalid).replaceFirst("\"regionCode\":\"\\d{6}\"", "\"regionCode\":\"12345\"");
        assertThat(invalidJson).contains("\"regionCode\":\"12345\"");
        Files.writeString(requests, "{\"sme\": {\"id\": \n\n" + invalidJson + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        Path batchOut = dir.resolve("batch.jsonl");
        try (RecordReader<RatingRequest> in = RecordFormat.openReader(requests, RatingRequest.class);
             RecordWriter<RatingDecision> out = RecordFormat.openWriter(batchOut, RatingDecision.class);
             RecordWriter<BatchRunner.Rejected> rejects = RecordFormat.openWriter(dir.resolve("batch-rejects.jsonl"), BatchRunner.Rejected.class)) {
            BatchRunner<RatingDecision> runner = BatchRunner.ofSlices(rs -> engine.rateAll(rs).stream().map(a -> a.map(RatingDecision::of)).toList(), 2);
            BatchRunner.Summary summary = runner.run(in, out, rejects);
            assertThat(summary.rated()).isEqualTo(REQUESTS);
            assertThat(summary.rejected()).isEqualTo(2);
        }
        try (RecordReader<RatingDecision> in = RecordFormat.openReader(batchOut, RatingDecision.class)) {
            in.forEachRemaining(row -> BATCH.put(row.value().smeId(), row.value()));
        }
        try (RecordReader<BatchRunner.Rejected> in = RecordFormat.openReader(dir.resolve("batch-rejects.jsonl"), BatchRunner.Rejected.class)) {
            in.forEachRemaining(row -> BATCH_REJECTS.add(row.value()));
        }
        assertThat(BATCH_REJECTS).extracting(BatchRunner.Rejected::row).containsExactly((long) REQUESTS + 1, (long) REQUESTS + 3);
        assertThat(BATCH).hasSize(REQUESTS);
        spark = SparkSession.builder().master("local[2]").appName("greencredit-test").config("spark.ui.enabled", "false")
                .config("spark.sql.session.timeZone", "UTC").config("spark.sql.shuffle.partitions", "4").getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
        engine.close();
    }

    @Test
    void ratesJsonLinesAsTheBatchPathDoesAndRejectsWhatItCannotRate() {
        SparkRateJob.Summary summary = SparkRateJob.run(spark, new SparkRateJob.Options(requests.toString(), dir.resolve("out").toString(), "json-1",
                RatingProfile.DECISION));
        assertThat(summary.read()).isEqualTo(REQUESTS + 2);
        assertThat(summary.rated()).isEqualTo(REQUESTS);
        assertThat(summary.rejected()).isEqualTo(2);
        assertThat(summary.alreadyDone()).isFalse();

        List<Row> ratings = spark.read().parquet(summary.ratingsPath()).collectAsList();
        assertThat(ratings).hasSize(REQUESTS);
        int compared = 0;
        for (Row row : ratings) {
            RatingDecision expected = BATCH.get(row.<String>getAs("smeId"));
            assertThat(expected).as("a firm the batch path rated").isNotNull();
            assertThat(row.<String>getAs("outcome")).isEqualTo(expected.outcome().name());
            assertThat(row.<Double>getAs("limitCny")).isEqualTo(expected.limitCny());
            assertThat(row.<Double>getAs("pd")).isEqualTo(expected.pd());
            assertThat(row.<Integer>getAs("greenScore")).isEqualTo(expected.greenScore());
            assertThat(row.getList(row.fieldIndex("reasonCodes"))).isEqualTo(expected.reasonCodes());
            // Everything else of the rating too: the hash of the full explanation, id and time left out.
            assertThat(row.<String>getAs("fullRatingSha256")).isEqualTo(expected.fullRatingSha256());
            assertThat(row.<String>getAs("rated_month")).matches("\\d{4}-\\d{2}");
            compared++;
        }
        assertThat(compared).isEqualTo(REQUESTS);

        List<Row> rejects = spark.read().parquet(summary.rejectsPath()).orderBy("row").collectAsList();
        assertThat(rejects).hasSize(2);
        for (int i = 0; i < 2; i++) {
            // The same row numbers, firm and field errors as the batch path's rejects.
            BatchRunner.Rejected expected = BATCH_REJECTS.get(i);
            Row reject = rejects.get(i);
            assertThat(reject.<Long>getAs("row")).isEqualTo(expected.row());
            assertThat(reject.<String>getAs("smeId")).isEqualTo(expected.smeId());
            assertThat(reject.<Row>getList(reject.fieldIndex("errors")).stream().map(e -> e.getString(0) + ": " + e.getString(1)).toList())
                    .isEqualTo(expected.errors().stream().map(e -> e.field() + ": " + e.message()).toList());
        }
        assertThat(firstError(rejects.get(1)).getString(0)).isEqualTo("sme.regionCode");
    }

    private static Row firstError(Row reject) {
        return reject.<Row>getList(reject.fieldIndex("errors")).get(0);
    }

    @Test
    void aFinishedJobIsNotRunAgainAndAKilledOneLeavesNoDuplicates() throws IOException {
        Path small = dir.resolve("small.jsonl");
        try (Stream<String> lines = Files.lines(requests)) {
            Files.write(small, lines.limit(300).toList());
        }
        String out = dir.resolve("rerun").toString();
        SparkRateJob.Options options = new SparkRateJob.Options(small.toString(), out, null, RatingProfile.DECISION);
        SparkRateJob.Summary first = SparkRateJob.run(spark, options);
        assertThat(first.jobId()).isEqualTo(options.effectiveJobId()).startsWith("rate-");
        assertThat(first.rated()).isEqualTo(300);

        SparkRateJob.Summary again = SparkRateJob.run(spark, options);
        assertThat(again.alreadyDone()).isTrue();
        assertThat(again.rated()).isEqualTo(300);

        // What a job killed before its end leaves: no marker, and files of an attempt beside the committed ones.
        Path jobDir = Path.of(out, first.jobId());
        Files.delete(jobDir.resolve(SparkRateJob.DONE_MARKER));
        Path month = Files.list(jobDir.resolve("ratings")).filter(p -> p.getFileName().toString().startsWith("rated_month=")).findFirst().orElseThrow();
        Path part = Files.list(month).filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
        Files.copy(part, month.resolve("part-99999-killed-attempt.snappy.parquet"));
        assertThat(spark.read().parquet(first.ratingsPath()).count()).as("the stray file doubles what is read").isGreaterThan(300);

        SparkRateJob.Summary rerun = SparkRateJob.run(spark, options);
        assertThat(rerun.alreadyDone()).isFalse();
        assertThat(rerun.rated()).isEqualTo(300);
        assertThat(spark.read().parquet(first.ratingsPath()).select("smeId").distinct().count()).isEqualTo(300);
    }

    @Test
    void ratesParquetInTheTypedLayoutAndNamesTheFieldOfABadValue() {
        List<Row> rows = new ArrayList<>();
        SyntheticRequests population = engine.syntheticRequests(41);
        for (int i = 0; i < 500; i++) {
            rows.add(RecordStructs.toRow(population.get(i)));
        }
        // Row 501: a size class no firm can have.
        Row good = RecordStructs.toRow(population.get(500));
        Row sme = good.getStruct(good.fieldIndex("sme"));
        rows.add(TestRows.with(good, "sme", TestRows.with(sme, "sizeClass", "HUGE")));
        Path parquet = dir.resolve("requests.parquet");
        spark.createDataFrame(rows, RecordStructs.schema(RatingRequest.class)).coalesce(1).write().parquet(parquet.toString());

        SparkRateJob.Summary summary = SparkRateJob.run(spark, new SparkRateJob.Options(parquet.toString(), dir.resolve("out").toString(), "parquet-1",
                RatingProfile.DECISION));
        assertThat(summary.rated()).isEqualTo(500);
        Row reject = spark.read().parquet(summary.rejectsPath()).collectAsList().get(0);
        assertThat(reject.<Long>getAs("row")).isEqualTo(501);
        assertThat(firstError(reject).getString(0)).isEqualTo("sme.sizeClass");
        assertThat(firstError(reject).getString(1)).startsWith("'HUGE' is not one of [");
        for (Row row : spark.read().parquet(summary.ratingsPath()).collectAsList()) {
            RatingDecision expected = BATCH.get(row.<String>getAs("smeId"));
            assertThat(row.<String>getAs("outcome")).isEqualTo(expected.outcome().name());
            assertThat(row.<String>getAs("fullRatingSha256")).isEqualTo(expected.fullRatingSha256());
        }
    }

    @Test
    void rulesFromADirectoryReachTheExecutorsAndBrokenOnesStopTheJobFirst() throws IOException {
        Path rules = dir.resolve("rules");
        Files.createDirectories(rules);
        try (Stream<Path> shipped = Files.list(Path.of("../rules/src/main/resources/rules"))) {
            for (Path file : shipped.toList()) {
                Files.copy(file, rules.resolve(file.getFileName()));
            }
        }
        Path properties = rules.resolve("ruleset.properties");
        Files.writeString(properties, Files.readString(properties).replaceFirst("version=.*", "version=bank-test-7"));
        Path small = dir.resolve("small-rules.jsonl");
        try (Stream<String> lines = Files.lines(requests)) {
            Files.write(small, lines.limit(200).toList());
        }
        SparkRateJob.Summary summary = SparkRateJob.run(spark, new SparkRateJob.Options(small.toString(), dir.resolve("out").toString(), "rules",
                RatingProfile.DECISION, rules.toString(), null));
        assertThat(summary.rated()).isEqualTo(200);
        List<String> versions = spark.read().parquet(summary.ratingsPath()).select("rulesetVersion").distinct().collectAsList().stream()
                .map(r -> r.getString(0)).toList();
        assertThat(versions).hasSize(1);
        assertThat(versions.get(0)).startsWith("bank-test-7");

        Files.writeString(rules.resolve("policy.drl"), "rule \"broken\" when then x(; end\n");
        assertThatThrownBy(() -> SparkRateJob.run(spark, new SparkRateJob.Options(small.toString(), dir.resolve("out").toString(), "rules-broken",
                RatingProfile.DECISION, rules.toString(), null))).isInstanceOf(RulesetException.class).hasMessageContaining("policy.drl");
        assertThat(dir.resolve("out").resolve("rules-broken")).doesNotExist();
    }

    @Test
    void aModelRegistryReachesTheExecutorsAndAModelThatCannotRunStopsTheJobFirst() throws IOException {
        Path registry = RegistryModelsTest.registryWithBankChampion(dir.resolve("registry"));
        Path small = dir.resolve("small-models.jsonl");
        try (Stream<String> lines = Files.lines(requests)) {
            Files.write(small, lines.limit(200).toList());
        }
        SparkRateJob.Summary summary = SparkRateJob.run(spark, new SparkRateJob.Options(small.toString(), dir.resolve("out").toString(), "models",
                RatingProfile.DECISION, null, registry.toString()));
        assertThat(summary.rated()).isEqualTo(200);
        List<Row> rows = spark.read().parquet(summary.ratingsPath()).collectAsList();
        assertThat(rows).hasSize(200);
        for (Row row : rows) {
            // The executors rated with the registry's champion (its version named), which scores as the shipped one it was
            // copied from: the same decisions as the batch path's with the shipped models.
            assertThat(row.<String>getAs("modelsVersion")).contains(RegistryModelsTest.BANK_CHAMPION).doesNotContain("scorecard-v1");
            RatingDecision expected = BATCH.get(row.<String>getAs("smeId"));
            assertThat(row.<String>getAs("outcome")).isEqualTo(expected.outcome().name());
            assertThat(row.<Double>getAs("pd")).isEqualTo(expected.pd());
            assertThat(row.<Double>getAs("limitCny")).isEqualTo(expected.limitCny());
        }

        Files.writeString(registry.resolve(ModelRegistry.ACTIVE_FILE), "champion=gone-9\nthinFile=scorecard-thin-v1\n");
        assertThatThrownBy(() -> SparkRateJob.run(spark, new SparkRateJob.Options(small.toString(), dir.resolve("out").toString(),
                "models-broken", RatingProfile.DECISION, null, registry.toString()))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("champion 'gone-9' is not a model of the registry");
        assertThat(dir.resolve("out").resolve("models-broken")).doesNotExist();
    }

    @Test
    void aTableOfOnlyBadRowsGivesNoRatingsAndEveryRowAsAReject() throws IOException {
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "not json\n[1, 2]\n{\"sme\": 7}\n", StandardCharsets.UTF_8);
        SparkRateJob.Summary summary = SparkRateJob.run(spark, new SparkRateJob.Options(bad.toString(), dir.resolve("out").toString(), "bad",
                RatingProfile.FULL));
        assertThat(summary.read()).isEqualTo(3);
        assertThat(summary.rated()).isZero();
        assertThat(summary.rejected()).isEqualTo(3);
        assertThat(spark.read().parquet(summary.rejectsPath()).orderBy("row").collectAsList()).extracting(r -> r.<Long>getAs("row"))
                .containsExactly(1L, 2L, 3L);
    }

    @Test
    void aParquetFileWithAColumnNoRequestHasIsRefusedNamingIt() {
        Path parquet = dir.resolve("extra.parquet");
        spark.sql("select named_struct('id', 'X1', 'shoeSize', 42) as sme").write().parquet(parquet.toString());
        assertThatThrownBy(() -> SparkRateJob.run(spark, new SparkRateJob.Options(parquet.toString(), dir.resolve("out").toString(), "extra",
                RatingProfile.DECISION))).isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("columns that a rating request does not have: sme.shoeSize");
    }
}
