package org.greencredit.datasets.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {
    private static List<List<String>> read(String text) {
        CsvReader reader = new CsvReader(new StringReader(text), "t.csv");
        List<List<String>> rows = new ArrayList<>();
        for (List<String> r = reader.next(); r != null; r = reader.next()) {
            rows.add(r);
        }
        return rows;
    }

    @Test
    void readsQuotedFieldsWithSeparatorsQuotesAndLineBreaks() {
        assertThat(read("\uFEFFa,b\r\n\"x,1\",\"say \"\"hi\"\"\"\n\"two\nlines\",\n"))
                .containsExactly(List.of("a", "b"), List.of("x,1", "say \"hi\""), List.of("two\nlines", ""));
    }

    @Test
    void reportsTheLineOfAnUnclosedQuote() {
        assertThatThrownBy(() -> read("a\nb\n\"open\n")).hasMessage("t.csv: line 3: a quoted field is never closed");
        assertThatThrownBy(() -> read("\"a\"x\n")).hasMessageContaining("after a closing quote");
    }

    @Test
    void writerOutputReadsBackUnchanged() {
        StringWriter out = new StringWriter();
        CsvWriter writer = new CsvWriter(out);
        List<String> tricky = List.of("plain", "com,ma", "quo\"te", "new\nline", "衢州");
        writer.write(tricky);
        assertThat(read(out.toString())).containsExactly(tricky);
    }
}
