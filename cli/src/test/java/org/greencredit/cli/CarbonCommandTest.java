package org.greencredit.engine.cli;

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
    void theDetectorReportKeepsRecallHighAndFalseAlarmsLow() {
        JsonNode report = JsonMapper.builder().build().readTree(DetectorReportCommand.report(4_000, 13, 0.3));
        report.get("kinds").properties().forEach(kind ->
                assertThat(kind.getValue().get("recallOfAnyFlag").asDouble()).as(kind.getKey()).isGreaterThanOrEqualTo(0.9));
        report.get("falseAlarmRate").properties().forEach(check ->
                assertThat(check.getValue().asDouble()).as(check.getKey()).isLessThanOrEqualTo(0.02));
    }
}
