package org.greencredit.datasets.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.greencredit.core.request.Activity;
import org.greencredit.core.request.ActivityLine;
import org.greencredit.core.request.CarbonAccount;
import org.greencredit.core.request.CreditFeatures;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.core.request.SizeClass;
import org.greencredit.core.request.Sme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The typed Arrow layout: nulls at every level survive a round trip, the flat layout of earlier versions
 * still reads, and a file that does not fit the record is refused naming the column (schema) or the
 * field of the row (value). Files of one record type read as another stand in for foreign files.
 */
class NestedArrowSchemaTest {
    @TempDir
    Path dir;

    private <T> Path write(String name, Class<T> type, List<T> records) {
        Path file = dir.resolve(name);
        try (RecordWriter<T> writer = RecordFormat.openWriter(file, type)) {
            records.forEach(writer::write);
        }
        return file;
    }

    private static <T> List<ReadRow<T>> read(Path file, Class<T> type) {
        List<ReadRow<T>> rows = new ArrayList<>();
        try (RecordReader<T> reader = RecordFormat.openReader(file, type)) {
            reader.forEachRemaining(rows::add);
        }
        return rows;
    }

    private static final Sme SME = new Sme("S1", "小店", "330802", "F5211", SizeClass.MICRO, LocalDate.of(2019, 3, 5));

    @Test
    void nullsAtEveryLevelSurviveARoundTrip() {
        ActivityLine line = new ActivityLine(YearMonth.of(2025, 1), Activity.ELECTRICITY, 1_200.5, "kWh", null, null, null);
        List<RatingRequest> requests = List.of(
                new RatingRequest(SME, null, null, null, null, null),
                // A null element inside a list, an empty list and a list with a null number are three different things.
                new RatingRequest(SME, new CarbonAccount(1e6, null, Arrays.asList(line, null)), null,
                        new CreditFeatures(Arrays.asList(1.0, null, 3.0), List.of(), null, null, null, null, null), List.of(), null),
                new RatingRequest(new Sme(null, null, null, null, null, null), new CarbonAccount(null, null, List.of()), null, null, null,
                        null));
        for (String name : List.of("nulls.arrow", "nulls.arrows")) {
            List<ReadRow<RatingRequest>> rows = read(write(name, RatingRequest.class, requests), RatingRequest.class);
            assertThat(rows).allMatch(ReadRow::isOk);
            assertThat(rows.stream().map(ReadRow::value).toList()).as(name).isEqualTo(requests);
        }
    }

    @Test
    void theSchemaIsTypedAndNestedWithEnumsAsDictionaries() throws IOException {
        Path file = write("typed.arrow", RatingRequest.class, List.of(new RatingRequest(SME, null, null, null, null, null)));
        try (BufferAllocator allocator = new RootAllocator();
             var reader = new org.apache.arrow.vector.ipc.ArrowFileReader(Files.newByteChannel(file), allocator)) {
            Schema schema = reader.getVectorSchemaRoot().getSchema();
            Field lines = schema.findField("carbonAccount").getChildren().stream().filter(f -> f.getName().equals("lines")).findFirst()
                    .orElseThrow();
            assertThat(lines.getType()).isEqualTo(ArrowType.List.INSTANCE);
            Field line = lines.getChildren().get(0);
            assertThat(line.getType()).isEqualTo(ArrowType.Struct.INSTANCE);
            assertThat(line.getChildren()).extracting(Field::getName)
                    .containsExactly("month", "activity", "quantity", "unit", "category", "spendCny", "evidence");
            assertThat(line.getChildren().get(0).getType()).isEqualTo(new ArrowType.Date(org.apache.arrow.vector.types.DateUnit.DAY));
            assertThat(line.getChildren().get(1).getDictionary()).isNotNull();
            assertThat(line.getChildren().get(2).getType()).isEqualTo(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE));
            assertThat(schema.findField("sme").getChildren().get(0).getType()).isEqualTo(ArrowType.Utf8.INSTANCE);
        }
    }

    record TextId(String id) {
    }

    record NumberId(Double id) {
    }

    @Test
    void aColumnOfAnotherTypeOrNameMakesTheInputUnreadableNamingIt() {
        Path text = write("text.arrow", TextId.class, List.of(new TextId("A")));
        assertThatThrownBy(() -> read(text, NumberId.class)).isInstanceOf(RecordFormatException.class)
                .hasMessageEndingWith(": column 'id' is Utf8, which cannot hold numbers");
        Path request = write("request.arrow", RatingRequest.class, List.of(new RatingRequest(SME, null, null, null, null, null)));
        assertThatThrownBy(() -> read(request, Sme.class)).isInstanceOf(RecordFormatException.class)
                .hasMessageContaining(": unknown column 'sme'; known: [id, name, regionCode, industryCode, sizeClass, foundedOn]");
    }

    record NamedLine(String activity, LocalDate month) {
    }

    record Lines(List<NamedLine> items) {
    }

    record TypedLine(Activity activity, YearMonth month) {
    }

    record TypedLines(List<TypedLine> items) {
    }

    @Test
    void aValueThatDoesNotFitFailsItsRowNamingTheFieldAndTheOtherRowsRead() {
        Path file = write("lines.arrow", Lines.class, List.of(
                new Lines(List.of(new NamedLine("HEAT", LocalDate.of(2025, 1, 1)), new NamedLine("NUCLEAR", LocalDate.of(2025, 2, 1)))),
                new Lines(List.of(new NamedLine("COAL", LocalDate.of(2025, 3, 15)))),
                new Lines(List.of(new NamedLine("DIESEL", LocalDate.of(2025, 4, 1))))));
        List<ReadRow<TypedLines>> rows = read(file, TypedLines.class);
        assertThat(rows.get(0).errors()).containsExactly(new org.greencredit.core.validation.FieldError("items[1].activity",
                "value 'NUCLEAR' is not a valid Activity"));
        assertThat(rows.get(1).errors()).containsExactly(new org.greencredit.core.validation.FieldError("items[0].month",
                "value 2025-03-15 is not a month: a month is stored as its first day"));
        assertThat(rows.get(2).value()).isEqualTo(new TypedLines(List.of(new TypedLine(Activity.DIESEL, YearMonth.of(2025, 4)))));
    }

    record Wide(Long n, Double x) {
    }

    record Narrow(Integer n, double x) {
    }

    @Test
    void aWholeNumberOutOfRangeAndANullForAPrimitiveFailTheirRows() {
        Path file = write("wide.arrow", Wide.class, List.of(new Wide(3_000_000_000L, 1.0), new Wide(7L, null), new Wide(7L, 2.5)));
        List<ReadRow<Narrow>> rows = read(file, Narrow.class);
        assertThat(rows.get(0).errors()).extracting(e -> e.field() + ": " + e.message())
                .containsExactly("n: value 3000000000 is out of range for an integer");
        assertThat(rows.get(1).errors()).extracting(e -> e.field() + ": " + e.message()).containsExactly("x: must not be null");
        assertThat(rows.get(2).value()).isEqualTo(new Narrow(7, 2.5));
    }

    record Reasons(List<String> codes) {
    }

    @Test
    void aRecordWhoseConstructorRefusesItsValuesFailsItsRow() {
        record Positive(int n) {
            Positive {
                if (n < 0) {
                    throw new IllegalArgumentException("n must not be negative, got " + n);
                }
            }
        }
        record Any(int n) {
        }
        Path file = write("any.arrow", Any.class, List.of(new Any(-1), new Any(1)));
        List<ReadRow<Positive>> rows = read(file, Positive.class);
        assertThat(rows.get(0).errors()).extracting(e -> e.field() + ": " + e.message()).containsExactly("$: n must not be negative, got -1");
        assertThat(rows.get(1).value()).isEqualTo(new Positive(1));
    }

    /** The flat layout earlier versions wrote: dotted column names, JSON text in the cells of lists and nested records. */
    private static void writeFlat(Path file, List<RatingRequest> requests) throws IOException {
        RowMapper<RatingRequest> rows = new RowMapper<>(RatingRequest.class);
        List<Field> fields = new ArrayList<>();
        for (FlatSchema.Column c : rows.schema().columns()) {
            ArrowType type = switch (c.kind()) {
                case NUMBER -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
                case INTEGER -> new ArrowType.Int(64, true);
                case BOOLEAN -> ArrowType.Bool.INSTANCE;
                case STRING, JSON -> ArrowType.Utf8.INSTANCE;
            };
            fields.add(new Field(c.name(), FieldType.nullable(type), null));
        }
        try (BufferAllocator allocator = new RootAllocator();
             VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(fields), allocator);
             ArrowFileWriter writer = new ArrowFileWriter(root, null, Channels.newChannel(Files.newOutputStream(file)))) {
            root.allocateNew();
            for (int row = 0; row < requests.size(); row++) {
                Object[] values = rows.flatten(requests.get(row));
                for (int i = 0; i < values.length; i++) {
                    FieldVector v = root.getVector(i);
                    if (values[i] == null) {
                        v.setNull(row);
                    } else if (v instanceof Float8Vector d) {
                        d.setSafe(row, ((Number) values[i]).doubleValue());
                    } else if (v instanceof BigIntVector l) {
                        l.setSafe(row, ((Number) values[i]).longValue());
                    } else if (v instanceof BitVector b) {
                        b.setSafe(row, (Boolean) values[i] ? 1 : 0);
                    } else {
                        ((VarCharVector) v).setSafe(row, values[i].toString().getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
            root.setRowCount(requests.size());
            writer.start();
            writer.writeBatch();
            writer.end();
        }
    }

    @Test
    void theFlatLayoutOfEarlierVersionsStillReads() throws IOException {
        ActivityLine line = new ActivityLine(YearMonth.of(2025, 1), Activity.ELECTRICITY, 1_200.5, "kWh", null, null, null);
        List<RatingRequest> requests = List.of(new RatingRequest(SME, new CarbonAccount(1e6, null, List.of(line)), null,
                new CreditFeatures(List.of(1.0, 2.0), List.of(), 3, null, null, null, null), null, null));
        Path file = dir.resolve("flat.arrow");
        writeFlat(file, requests);
        List<ReadRow<RatingRequest>> rows = read(file, RatingRequest.class);
        assertThat(rows).singleElement().satisfies(r -> assertThat(r.value()).isEqualTo(requests.get(0)));
    }
}
