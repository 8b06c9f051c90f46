package org.greencredit.models.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeriesReaderTest {
    @TempDir
    Path dir;

    @Test
    void missingReadingsAtTheEndOfATabLineAreGapsNotAShorterSeries() throws Exception {
        Path file = dir.resolve("cut.tsv");
        // The second series was cut short after its third reading: its last two fields are empty.
        Files.writeString(file, "RICE\t0.1\t0.2\t0.3\t0.4\t0.5\nMAIZE\t0.1\t0.3\t0.6\t\t\n");
        LabelledSeries s = SeriesReader.read(file);
        assertThat(s.length()).isEqualTo(5);
        assertThat(s.values().get(1)).containsExactly(0.1, 0.3, 0.6, 0.6, 0.6);
    }

    @Test
    void spaceSeparatedLinesStillIgnoreTrailingSpaces() throws Exception {
        Path file = dir.resolve("spaces.txt");
        Files.writeString(file, "1 0.5 0.6 0.7   \n2 0.1 0.2 0.3\n");
        LabelledSeries s = SeriesReader.read(file);
        assertThat(s.length()).isEqualTo(3);
        assertThat(s.labels()).containsExactly("1", "2");
    }

    @Test
    void aTargetColumnIsReadAfterTheLabel() throws Exception {
        Path file = dir.resolve("yield.csv");
        Files.writeString(file, "RICE,480.5,0.2,0.5,0.8\nWHEAT,390,0.3,,0.7\n");
        LabelledSeries s = SeriesReader.readWithTarget(file);
        assertThat(s.targets()).containsExactly(480.5, 390.0);
        assertThat(s.values().get(1)).containsExactly(0.3, 0.5, 0.7);
        Files.writeString(file, "RICE,480.5\n");
        assertThatThrownBy(() -> SeriesReader.readWithTarget(file)).hasMessageEndingWith("line 1: expected a label, a target and at least two"
                + " values, found 2 field(s)");
    }
}
