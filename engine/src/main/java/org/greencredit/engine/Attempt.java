package org.greencredit.engine;

import java.util.function.Function;

/**
 * What became of one request among several handled together: its result, or the exception handling it alone would have
 * thrown. One failing request then costs only its own result, not those of the others.
 */
public sealed interface Attempt<T> {
    /** The result, applied to {@code f}; a failure stays the same failure. */
    <U> Attempt<U> map(Function<? super T, ? extends U> f);

    record Done<T>(T value) implements Attempt<T> {
        @Override
        public <U> Attempt<U> map(Function<? super T, ? extends U> f) {
            try {
                return new Done<>(f.apply(value));
            } catch (RuntimeException e) {
                return new Failed<>(e);
            }
        }
    }

    record Failed<T>(RuntimeException error) implements Attempt<T> {
        @Override
        public <U> Attempt<U> map(Function<? super T, ? extends U> f) {
            return new Failed<>(error);
        }
    }
}
