package org.greencredit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.greencredit.datasets.io.RecordFormat;
import org.greencredit.datasets.io.RecordReader;
import org.greencredit.engine.CarbonReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CarbonCommandTest {
    @TempDir
    Path dir;

    @Test
    void carbonAccountsEveryRequestWithItsFlags() {
        Path requests = dir.resolve("requests.jsonl");
        Path out = dir.resolve("carbon.jsonl");
        CommandLineRunner.run("generate", "--count", "200", "--seed", "3", "--distortion-rate", "0.5", "--out", requests.toString());
        assertThat(CommandLineRunner.run("carbon", "--in", requests.toString(), "--out", out.toString())).isZero();
        List<CarbonReport> reports = new ArrayList<>();
        try (RecordReader<CarbonReport> reader = RecordFormat.openReader(out, CarbonReport.class)) {
            reader.forEachRemaining(row -> reports.add(row.value()));
        }
        assertThat(reports).hasSize(200);
        assertThat(reports).anyMatch(r -> !r.carbon().anomalies().isEmpty()).anyMatch(r -> r.carbonEfficiencyLevel() != null);
        assertThat(reports).filteredOn(r -> r.carbon().monthsCovered() == 24 && r.carbon().scope1Kg() + r.carbon().scope2Kg() > 0)
                .allSatisfy(r -> assertThat(r.carbon().yoyChange()).isNotNull());
    }

    @Test
    void carbonWithoutInputIsAUsageError() {
        assertThat(CommandLineRunner.run("carbon")).isEqualTo(2);
    }

    @Test
    void theDetectorReportPrintsOneJsonObjectWithEveryKindAndCheck() {
        JsonNode report = JsonMapper.builder().build().readTree(CommandLineRunner.output("carbon", "detector-report", "--count", "300"));
        assertThat(report.get("count").asInt()).isEqualTo(300);
        assertThat(report.get("kinds").propertyNames()).isNotEmpty();
        assertThat(report.get("falseAlarmRate").propertyNames()).contains("UNUSUAL_ENERGY_PATTERN");
    }
}
