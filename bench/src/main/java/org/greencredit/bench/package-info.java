/**
 * JMH benchmarks of the engine: the whole rating, each stage alone, and batch rating from a file to
 * a file. Run them with {@code ./greencredit bench} or {@code java -cp ... org.openjdk.jmh.Main};
 * BENCHMARKS.md gives the commands beside each figure.
 */
package org.greencredit.bench;
