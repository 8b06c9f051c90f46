package org.greencredit.spark;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.LongSupplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.datasets.io.ReadRow;
import org.greencredit.datasets.io.RecordFormat;
import org.greencredit.engine.batch.BatchRunner;
import org.greencredit.engine.output.RatingProfile;
import org.greencredit.rules.engine.Ruleset;

/**
 * Rates a table of requests on Spark: Parquet in the typed layout of the batch path ({@link RecordStructs}) or JSON
 * lines in the request contract, each partition with its executor's engine, into
 * {@code OUT/JOB_ID/ratings} (Parquet in the chosen profile, partitioned by {@code rated_month}) and
 * {@code OUT/JOB_ID/rejects} (row number, firm, field errors). Nothing is dropped: the job checks that the input rows
 * equal ratings plus rejects, and fails otherwise.
 *
 * <p>Reruns are idempotent. Both tables are written with Spark's file commit protocol (a killed attempt leaves no
 * committed files of its own), each rerun overwrites them whole, and the job's marker {@code _GREENCREDIT_DONE},
 * written last with the counts, makes a rerun of a finished job a no-op. The job id defaults to a hash of the input
 * path, the profile and the rules and models directories, so the same command run again is the same job.
 */
public final class SparkRateJob {
    static final String DONE_MARKER = "_GREENCREDIT_DONE";
    private static final long MIN_SPLIT_BYTES = 1 << 20;

    private SparkRateJob() {
    }

    /**
     * What to rate and where: {@code jobId} null for the one derived from input, profile, rules and models; {@code rulesDir}
     * null for the rules shipped in the jar, else a rules directory on the driver, laid out like the shipped one;
     * {@code modelsDir} null for the credit models shipped in the jar, else a model registry on the driver.
     */
    public record Options(String in, String out, String jobId, RatingProfile profile, String rulesDir, String modelsDir) {
        public Options(String in, String out, String jobId, RatingProfile profile) {
            this(in, out, jobId, profile, null, null);
        }

        public String effectiveJobId() {
            String job = in + "|" + profile.name() + "|" + (rulesDir == null ? "" : rulesDir) + (modelsDir == null ? "" : "|" + modelsDir);
            return jobId != null ? jobId : "rate-" + sha256(job).substring(0, 16);
        }
    }

    /** What a job did; {@code alreadyDone} when it had finished before and was not run again. */
    public record Summary(String jobId, String ratingsPath, String rejectsPath, long read, long rated, long rejected, boolean alreadyDone) {
        String line() {
            return "greencredit spark rate: job " + jobId + (alreadyDone ? " had finished before: " : ": ") + "read " + read + ", rated " + rated
                    + ", rejected " + rejected + "; ratings in " + ratingsPath + ", rejects in " + rejectsPath;
        }
    }

    public static Summary run(SparkSession spark, Options options) {
        String jobId = options.effectiveJobId();
        String jobDir = options.out().replaceAll("/+$", "") + "/" + jobId;
        String ratingsPath = jobDir + "/ratings";
        String rejectsPath = jobDir + "/rejects";
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        Path marker = new Path(jobDir, DONE_MARKER);
        Properties done = readMarker(marker, hadoop);
        if (done != null) {
            return new Summary(jobId, ratingsPath, rejectsPath, Long.parseLong(done.getProperty("read")), Long.parseLong(done.getProperty("rated")),
                    Long.parseLong(done.getProperty("rejected")), true);
        }

        Broadcast<Ruleset.Sources> rules = broadcastRules(spark, options.rulesDir());
        Broadcast<RegistryModels> models = broadcastModels(spark, options.modelsDir());
        Input input = input(spark, options.in());
        Dataset<Row> results = spark.createDataFrame(input.rows().mapPartitions(new PartitionRater(options.profile(), input.decoder(), rules, models)),
                PartitionRater.outputSchema(options.profile())).persist(StorageLevel.DISK_ONLY());
        try {
            results.where(col("rating").isNotNull()).select(col("rating.*"), col("row_id"), col("rated_month"))
                    .write().mode(SaveMode.Overwrite).partitionBy("rated_month").parquet(ratingsPath);
            results.where(col("reject").isNotNull()).select(col("reject.*")).write().mode(SaveMode.Overwrite).parquet(rejectsPath);
        } finally {
            results.unpersist();
        }
        // Counted from what was written, not from what was meant to be; with the schema given, a table with no row
        // (every request rejected, or none) reads as empty instead of failing to infer one.
        long rated = spark.read().schema(ratingsSchema(options.profile())).parquet(ratingsPath).count();
        long rejected = spark.read().schema(RecordStructs.schema(BatchRunner.Rejected.class)).parquet(rejectsPath).count();
        long read = input.count();
        if (read != rated + rejected) {
            throw new IllegalStateException("job " + jobId + " read " + read + " rows but wrote " + rated + " ratings and " + rejected
                    + " rejects: rows were lost; the job is not marked done, run it again");
        }
        writeMarker(marker, hadoop, read, rated, rejected);
        return new Summary(jobId, ratingsPath, rejectsPath, read, rated, rejected, false);
    }

    /**
     * A rules directory read once on the driver, compiled there so that a broken ruleset stops the job before any row is
     * rated (with the file, sheet and row of each problem), and sent to every executor; null for the jar's rules.
     */
    private static Broadcast<Ruleset.Sources> broadcastRules(SparkSession spark, String rulesDir) {
        if (rulesDir == null) {
            return null;
        }
        Ruleset.Sources sources = Ruleset.sourcesOf(java.nio.file.Path.of(rulesDir));
        Ruleset.compile(sources);
        return JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(sources);
    }

    /**
     * A model registry's active models read once on the driver, loaded and checked there so that a model that cannot run
     * stops the job before any row is rated, and sent to every executor; null for the jar's models.
     */
    private static Broadcast<RegistryModels> broadcastModels(SparkSession spark, String modelsDir) {
        if (modelsDir == null) {
            return null;
        }
        return JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(RegistryModels.read(java.nio.file.Path.of(modelsDir)));
    }

    /** The ratings table: the profile's fields, the input row, and the month it is partitioned by. */
    static StructType ratingsSchema(RatingProfile profile) {
        return RecordStructs.schema(profile.type()).add("row_id", DataTypes.LongType, false).add("rated_month", DataTypes.StringType, true);
    }

    /** The input's rows, numbered from 0 in input order; how to decode one; how many there are. */
    private record Input(JavaPairRDD<Object, Long> rows, PartitionRater.Decoder decoder, LongSupplier counter) {
        long count() {
            return counter.getAsLong();
        }
    }

    private static Input input(SparkSession spark, String path) {
        String name = path.toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            Configuration splits = new Configuration(jsc.hadoopConfiguration());
            splits.setLong("mapreduce.input.fileinputformat.split.maxsize", splitBytes(spark, path));
            // Raw bytes per line, so that the line is decoded as the batch path decodes it (strict UTF-8 included).
            JavaRDD<byte[]> lines = jsc.newAPIHadoopFile(path, TextInputFormat.class, LongWritable.class, Text.class, splits)
                    .map(line -> line._2().copyBytes());
            JavaPairRDD<byte[], Long> numbered = lines.zipWithIndex();
            @SuppressWarnings("unchecked")
            JavaPairRDD<Object, Long> rows = (JavaPairRDD<Object, Long>) (JavaPairRDD<?, Long>) numbered;
            return new Input(rows, SparkRateJob::decodeJsonLine, () -> lines.filter(line -> !RecordFormat.isBlankJsonLine(line)).count());
        }
        spark.conf().set("spark.sql.files.maxPartitionBytes", splitBytes(spark, path));
        Dataset<Row> table = spark.read().parquet(path);
        List<String> unknown = RecordStructs.unknownFields(table.schema(), RecordStructs.schema(RatingRequest.class));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(path + ": columns that a rating request does not have: " + String.join(", ", unknown));
        }
        JavaPairRDD<Row, Long> numbered = table.javaRDD().zipWithIndex();
        @SuppressWarnings("unchecked")
        JavaPairRDD<Object, Long> rows = (JavaPairRDD<Object, Long>) (JavaPairRDD<?, Long>) numbered;
        return new Input(rows, SparkRateJob::decodeParquetRow, table::count);
    }

    /**
     * Input bytes per partition: the input spread over twice as many partitions as the job has cores (a file far
     * smaller than a storage block would otherwise be one partition, rated by one core), at least 1 MB each.
     */
    private static long splitBytes(SparkSession spark, String path) {
        try {
            Path input = new Path(path);
            long size = input.getFileSystem(spark.sparkContext().hadoopConfiguration()).getContentSummary(input).getLength();
            return Math.max(MIN_SPLIT_BYTES, size / (2L * spark.sparkContext().defaultParallelism()) + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static ReadRow<RatingRequest> decodeJsonLine(Object line, long number) {
        byte[] bytes = (byte[]) line;
        return RecordFormat.isBlankJsonLine(bytes) ? null : RecordFormat.decodeJsonLine(RatingRequest.class, number, bytes);
    }

    private static ReadRow<RatingRequest> decodeParquetRow(Object row, long number) {
        try {
            return ReadRow.ok(number, RecordStructs.fromRow((Row) row, RatingRequest.class));
        } catch (RecordStructs.BadValue e) {
            return ReadRow.failed(number, List.of(e.error()));
        }
    }

    private static Properties readMarker(Path marker, Configuration hadoop) {
        try {
            FileSystem fs = marker.getFileSystem(hadoop);
            if (!fs.exists(marker)) {
                return null;
            }
            Properties counts = new Properties();
            try (FSDataInputStream in = fs.open(marker)) {
                counts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            return counts;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + marker, e);
        }
    }

    private static void writeMarker(Path marker, Configuration hadoop, long read, long rated, long rejected) {
        try (FSDataOutputStream out = marker.getFileSystem(hadoop).create(marker, true)) {
            out.write(("read=" + read + "\nrated=" + rated + "\nrejected=" + rejected + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + marker, e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
