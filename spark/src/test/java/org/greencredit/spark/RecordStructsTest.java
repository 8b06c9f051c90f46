package org.greencredit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Date;
import java.time.Clock;
import java.time.YearMonth;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.greencredit.core.request.Activity;
import org.greencredit.core.request.ActivityLine;
import org.greencredit.core.request.Evidence;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.engine.RatingEngine;
import org.junit.jupiter.api.Test;

/** Records to Spark rows and back, without a Spark session: the typed layout and the errors that name a field. */
class RecordStructsTest {
    private static final ActivityLine LINE = new ActivityLine(YearMonth.of(2025, 3), Activity.ELECTRICITY, 1200.0, "kWh", null, null,
            Evidence.SELF_REPORTED);

    @Test
    void aMonthIsADateOnItsFirstDayAndAnEnumItsName() {
        Row row = RecordStructs.toRow(LINE);
        assertThat(row.<Date>getAs("month")).isEqualTo(Date.valueOf("2025-03-01"));
        assertThat(row.<String>getAs("activity")).isEqualTo("ELECTRICITY");
        assertThat(RecordStructs.schema(ActivityLine.class).apply("month").dataType()).isEqualTo(DataTypes.DateType);
        assertThat(RecordStructs.schema(ActivityLine.class).apply("quantity").dataType()).isEqualTo(DataTypes.DoubleType);
    }

    @Test
    void generatedRequestsComeBackEqualFromTheirRows() throws Exception {
        try (RatingEngine engine = RatingEngine.standard(Clock.systemUTC())) {
            var population = engine.syntheticRequests(3);
            for (int i = 0; i < 50; i++) {
                RatingRequest request = population.get(i);
                assertThat(RecordStructs.fromRow(RecordStructs.toRow(request), RatingRequest.class)).isEqualTo(request);
            }
        }
    }

    @Test
    void aDateThatIsNotTheFirstOfItsMonthIsRefusedForAMonth() {
        Row row = TestRows.with(RecordStructs.toRow(LINE), "month", Date.valueOf("2025-03-15"));
        assertThatThrownBy(() -> RecordStructs.fromRow(row, ActivityLine.class)).isInstanceOfSatisfying(RecordStructs.BadValue.class,
                e -> assertThat(e.error().field() + ": " + e.error().message()).isEqualTo("month: must be a month: the first day of it, not 2025-03-15"));
    }

    @Test
    void anUnknownEnumNameIsRefusedNamingTheField() {
        Row row = TestRows.with(RecordStructs.toRow(LINE), "activity", "STEAM_ENGINE");
        assertThatThrownBy(() -> RecordStructs.fromRow(row, ActivityLine.class)).isInstanceOfSatisfying(RecordStructs.BadValue.class,
                e -> assertThat(e.error().field()).isEqualTo("activity"));
    }

    @Test
    void textWhereANumberBelongsIsRefusedNamingTheField() {
        Row row = TestRows.with(RecordStructs.toRow(LINE), "quantity", "1200");
        assertThatThrownBy(() -> RecordStructs.fromRow(row, ActivityLine.class)).isInstanceOfSatisfying(RecordStructs.BadValue.class,
                e -> assertThat(e.error().field() + ": " + e.error().message()).isEqualTo("quantity: must be double, not String"));
    }

    @Test
    void wholeNumbersAreTakenForDoubles() throws Exception {
        Row row = TestRows.with(RecordStructs.toRow(LINE), "quantity", 1200);
        assertThat(RecordStructs.fromRow(row, ActivityLine.class).quantity()).isEqualTo(1200.0);
    }

    @Test
    void fieldsARequestDoesNotHaveAreListedWithTheirPaths() {
        StructType expected = RecordStructs.schema(RatingRequest.class);
        StructType sme = ((StructType) expected.apply("sme").dataType()).add("shoeSize", DataTypes.IntegerType);
        StructType actual = new StructType().add("sme", sme).add("extra", DataTypes.StringType);
        assertThat(RecordStructs.unknownFields(actual, expected)).containsExactly("sme.shoeSize", "extra");
    }
}
