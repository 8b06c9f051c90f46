package org.greencredit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.greencredit.core.rating.Rating;
import org.greencredit.datasets.io.RecordFormat;
import org.greencredit.datasets.io.RecordReader;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class GreenCreditCliTest {
    @TempDir
    Path dir;

    private static int run(String... args) {
        return CommandLineRunner.run(args);
    }

    private static List<Rating> ratings(Path file) {
        List<Rating> out = new ArrayList<>();
        try (RecordReader<Rating> reader = RecordFormat.openReader(file, Rating.class)) {
            reader.forEachRemaining(row -> out.add(row.value()));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"jsonl", "csv", "arrow"})
    void generateThenRateEveryRow(String format) {
        Path requests = dir.resolve("requests." + format);
        Path out = dir.resolve("ratings." + format);
        assertThat(run("generate", "--count", "300", "--seed", "9", "--out", requests.toString(),
                "--truth", dir.resolve("truth.csv").toString())).isZero();
        assertThat(run("rate", "--in", requests.toString(), "--out", out.toString())).isZero();
        List<Rating> rated = ratings(out);
        assertThat(rated).hasSize(300);
        assertThat(rated.get(0).smeId()).isEqualTo("SYN000000000000000");
        assertThat(rated).allSatisfy(r -> assertThat(r.explanation().versions().ruleset()).isNotBlank());
    }

    @Test
    void rejectedRowsGoToTheRejectsFileWithRowNumbersAndExitCode2() throws IOException {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, """
                {"sme":{"id":"S1","name":"甲","regionCode":"330802","industryCode":"C1391","sizeClass":"MICRO"}}
                {"sme":{"id":"S2","name":"乙","regionCode":"990000","industryCode":"C1391","sizeClass":"MICRO"}}
                not json
                """);
        Path out = dir.resolve("out.jsonl");
        Path rejects = dir.resolve("rejects.jsonl");
        assertThat(run("rate", "--in", in.toString(), "--out", out.toString(), "--rejects", rejects.toString()))
                .isEqualTo(GreenCreditCli.EXIT_SOME_REJECTED);
        assertThat(ratings(out)).extracting(Rating::smeId).containsExactly("S1");
        List<String> lines = Files.readAllLines(rejects);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("\"row\":2", "\"smeId\":\"S2\"", "sme.regionCode");
        assertThat(lines.get(1)).contains("\"row\":3", "malformed JSON");
    }

    @Test
    void anUnreadableInputIsExitCode3() {
        assertThat(run("rate", "--in", dir.resolve("missing.parquet").toString(), "--out", dir.resolve("o.jsonl").toString()))
                .isEqualTo(GreenCreditCli.EXIT_UNREADABLE);
    }

}
