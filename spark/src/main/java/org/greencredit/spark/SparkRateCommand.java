package org.greencredit.spark;

import java.io.UncheckedIOException;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.greencredit.engine.output.RatingProfile;
import org.greencredit.rules.engine.RulesetException;

/**
 * {@code rate --in PATH --out DIR [--master URL] [--profile decision|full] [--job-id ID] [--rules-dir DIR] [--models-dir DIR]}:
 * the main class of the greencredit-spark jar, for {@code ./greencredit spark} (local mode) and for spark-submit on a
 * cluster, which sets the master itself.
 */
public final class SparkRateCommand {
    private static final String USAGE = """
            Usage: greencredit spark rate --in PATH --out DIR [--master URL] [--profile decision|full] [--job-id ID] [--rules-dir DIR]
                                          [--models-dir DIR]
              --in       requests: Parquet (a file or a directory) in the typed layout, or JSON lines (.jsonl, .ndjson, .json)
              --out      where the job's directory goes: DIR/JOB_ID/ratings (by rated_month) and DIR/JOB_ID/rejects
              --master   Spark master; default local[2], or what spark-submit set
              --profile  decision (default) or full
              --job-id   the job's name; default a hash of --in, --profile, --rules-dir and --models-dir, so that a rerun
                         continues the same job
              --rules-dir  rules laid out like the shipped ones (ruleset.properties, .drl, .drl.xlsx), read on the driver,
                         checked there and sent to every executor; default the rules in the jar
              --models-dir  a model registry (as for rate --models-dir): its active champion, thin-file scorecard and
                         challenger, loaded and checked on the driver and sent to every executor; default the models in the jar
            """;

    private SparkRateCommand() {
    }

    public static void main(String[] args) {
        try {
            System.exit(run(args));
        } catch (IllegalArgumentException | RulesetException e) {
            // A bad option, input that is not a request table, or rules that do not compile: the user's to mend.
            System.err.println("greencredit spark: " + e.getMessage());
            System.exit(2);
        } catch (UncheckedIOException | IllegalStateException e) {
            // Input that cannot be read, output that cannot be written, rows lost: said plainly, without a stack trace.
            System.err.println("greencredit spark: " + e.getMessage());
            System.exit(1);
        }
    }

    static int run(String[] args) {
        if (args.length > 0 && isHelp(args[0])) {
            System.out.print(USAGE);
            return 0;
        }
        if (args.length == 0 || !args[0].equals("rate")) {
            System.err.print("greencredit spark: the only command is rate\n" + USAGE);
            return 2;
        }
        String in = null;
        String out = null;
        String master = null;
        String jobId = null;
        String rulesDir = null;
        String modelsDir = null;
        RatingProfile profile = RatingProfile.DECISION;
        for (int i = 1; i < args.length; i++) {
            String name = args[i];
            if (isHelp(name)) {
                System.out.print(USAGE);
                return 0;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
            }
            String value = args[++i];
            switch (name) {
                case "--in" -> in = value;
                case "--out" -> out = value;
                case "--master" -> master = value;
                case "--job-id" -> jobId = requireJobId(value);
                case "--profile" -> profile = profile(value);
                case "--rules-dir" -> rulesDir = value;
                case "--models-dir" -> modelsDir = value;
                default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
            }
        }
        if (in == null || out == null) {
            throw new IllegalArgumentException("--in and --out are required\n" + USAGE);
        }
        SparkConf conf = new SparkConf().setAppName("greencredit-rate").set("spark.sql.session.timeZone", "UTC");
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[2]");
        }
        if (conf.get("spark.master").startsWith("local")) {
            conf.set("spark.ui.enabled", "false");
        }
        SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
        try {
            long start = System.nanoTime();
            SparkRateJob.Summary summary = SparkRateJob.run(spark, new SparkRateJob.Options(in, out, jobId, profile, rulesDir, modelsDir));
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.println(summary.line());
            if (!summary.alreadyDone()) {
                System.out.printf(Locale.ROOT, "greencredit spark rate: %.1f s, %.0f rows/s%n", seconds, summary.read() / seconds);
            }
        } finally {
            spark.stop();
        }
        return 0;
    }

    private static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h");
    }

    private static RatingProfile profile(String value) {
        return switch (value) {
            case "decision" -> RatingProfile.DECISION;
            case "full" -> RatingProfile.FULL;
            default -> throw new IllegalArgumentException("--profile: '" + value + "' is not a profile: use decision or full");
        };
    }

    private static String requireJobId(String value) {
        if (!value.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            throw new IllegalArgumentException("--job-id: '" + value + "' must be letters, digits, '.', '_' or '-' (a directory name), at most 100");
        }
        return value;
    }
}
