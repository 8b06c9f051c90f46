package org.greencredit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesCommandTest {
    @TempDir
    Path dir;

    private Path shippedCases() throws Exception {
        Path cases = dir.resolve("cases.csv");
        try (InputStream in = getClass().getResourceAsStream("/rules/cases.csv")) {
            Files.copy(in, cases);
        }
        return cases;
    }

    @Test
    void theShippedCasesPass() throws Exception {
        assertThat(CommandLineRunner.run("rules", "test", "--cases", shippedCases().toString())).isZero();
    }

    @Test
    void aFailingCaseMakesTheCommandFail() throws Exception {
        Path cases = shippedCases();
        String text = Files.readString(cases, StandardCharsets.UTF_8).replace("G1 level 1 with every behaviour,green,13,1,", "G1 level 1 with every behaviour,green,13,2,");
        Files.writeString(cases, text, StandardCharsets.UTF_8);
        assertThat(CommandLineRunner.run("rules", "test", "--cases", cases.toString())).isEqualTo(1);
    }
}
