package org.greencredit.service.rating;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.greencredit.core.request.RatingRequest;
import org.greencredit.core.validation.FieldError;
import org.greencredit.core.validation.InvalidRequestException;
import org.greencredit.datasets.csv.CsvFormatException;
import org.greencredit.datasets.io.MonthlySheet;
import org.greencredit.datasets.io.ReadRow;
import org.greencredit.datasets.io.RecordFormat;
import org.greencredit.datasets.io.RecordFormatException;
import org.greencredit.datasets.io.RecordReader;
import org.greencredit.datasets.io.RecordWriter;

/**
 * A rating request as one CSV row, in the CLI's flat layout (one column per field; lists such as
 * {@code carbonAccount.lines} hold their JSON in one cell), the integrators' template; uploads in the firms' monthly
 * sheet ({@link MonthlySheet}) are read as such.
 */
public final class RequestTemplate {
    private RequestTemplate() {
    }

    /** The header and the example firm's row. */
    public static byte[] csv(RatingRequest example) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordWriter<RatingRequest> writer = RecordFormat.CSV.writer(out, RatingRequest.class)) {
            writer.write(example);
        }
        return out.toByteArray();
    }

    /** The single request of an uploaded CSV, a monthly sheet or a flat row; errors name the row and field. */
    static RatingRequest parseOne(byte[] csv) {
        if (MonthlySheet.isMonthlySheet(csv)) {
            return MonthlySheet.read(csv, "upload");
        }
        try (RecordReader<RatingRequest> reader = RecordFormat.CSV.reader(new ByteArrayInputStream(csv), RatingRequest.class, "upload")) {
            if (!reader.hasNext()) {
                throw new InvalidRequestException(List.of(new FieldError("$", "the CSV has a header but no row: fill in one row under it")));
            }
            ReadRow<RatingRequest> row = reader.next();
            if (reader.hasNext()) {
                throw new InvalidRequestException(List.of(new FieldError("$", "the CSV has more than one row; rate many firms with"
                        + " POST /api/v1/ratings:batch")));
            }
            if (!row.isOk()) {
                throw new InvalidRequestException(row.errors());
            }
            return row.value();
        } catch (RecordFormatException | CsvFormatException e) {
            // An unknown column, a header that is not the template's (a JSON body sent as text/csv), a broken quote: the caller's to fix.
            throw new InvalidRequestException(List.of(new FieldError("$", e.getMessage())));
        }
    }
}
