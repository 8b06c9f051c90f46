package org.greencredit.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InvalidRequestExceptionTest {
    @Test
    void aHundredErrorsAreListedInFull() {
        List<FieldError> errors = IntStream.range(0, 100).mapToObj(i -> new FieldError("carbonAccount.lines[" + i + "].month", "is required"))
                .toList();
        assertThat(new InvalidRequestException(errors).errors()).isEqualTo(errors);
    }

    @Test
    void beyondAHundredTheRestAreCountedNotListed() {
        // Probe finding 10: 100,000 empty activity lines made a 15 MB error body.
        List<FieldError> errors = IntStream.range(0, 100_000)
                .mapToObj(i -> new FieldError("carbonAccount.lines[" + i + "].month", "is required")).toList();
        InvalidRequestException e = new InvalidRequestException(errors);
        assertThat(e.errors()).hasSize(101);
        assertThat(e.errors().subList(0, 100)).isEqualTo(errors.subList(0, 100));
        assertThat(e.errors().get(100)).isEqualTo(new FieldError("$", "and 99900 more errors not listed; fix these first"));
        assertThat(e.getMessage().length()).isLessThan(10_000);
    }
}
