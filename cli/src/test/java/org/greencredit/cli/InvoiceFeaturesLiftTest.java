package org.greencredit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.greencredit.models.training.Metrics;
import org.greencredit.models.training.ModelTraining;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18's bar: for firms without credit history, a scorecard trained with their ledger features
 * ranks defaults better than the same scorecard without them, by at least 0.05 AUC on firms it did not
 * see. The commands are those of BENCHMARKS.md, "Invoice features for thin files".
 */
@Tag("slow")
class InvoiceFeaturesLiftTest {
    private static final double REQUIRED_AUC_GAIN = 0.05;
    private static final String SEGMENTS = "province,section,sizeClass,thinFile,truePd";

    @TempDir
    Path dir;

    @Test
    void ledgerFeaturesRaiseTheThinFileScorecardsAucByAtLeastFiveHundredths() {
        Path train = sample("train", 10_000, 7);
        Path test = sample("test", 5_000, 8);

        assertThat(CommandLineRunner.run("model", "train", "--data", train.resolve("firms.csv").toString(), "--target", "defaulted",
                "--exclude", "企业代号," + SEGMENTS, "--out", dir.resolve("without").toString())).isZero();
        assertThat(CommandLineRunner.run("model", "train", "--data", train.resolve("features.csv").toString(), "--target", "defaulted",
                "--exclude", "firmId," + SEGMENTS, "--out", dir.resolve("with").toString())).isZero();
        Metrics without = ModelTraining.evaluate(dir.resolve("without"), test.resolve("firms.csv"), "defaulted", null);
        Metrics with = ModelTraining.evaluate(dir.resolve("with"), test.resolve("features.csv"), "defaulted", null);

        assertThat(with.n()).isEqualTo(without.n()).isEqualTo(5_000);
        assertThat(with.auc() - without.auc()).as("AUC %.4f with ledger features against %.4f without", with.auc(), without.auc())
                .isGreaterThanOrEqualTo(REQUIRED_AUC_GAIN);
    }

    private Path sample(String name, int count, long seed) {
        Path out = dir.resolve(name);
        assertThat(CommandLineRunner.run("invoices", "generate", "--count", Integer.toString(count), "--seed", Long.toString(seed),
                "--thin-file", "--out", out.toString())).isZero();
        assertThat(CommandLineRunner.run("invoices", "features", "--sales", out.resolve("sales.csv").toString(), "--purchases",
                out.resolve("purchases.csv").toString(), "--firms", out.resolve("firms.csv").toString(), "--out",
                out.resolve("features.csv").toString())).isZero();
        return out;
    }
}
