/**
 * The engine on Apache Spark: {@link org.greencredit.spark.SparkRateJob} rates a table of requests partition by
 * partition with one engine per executor, in its own module so that Spark's dependencies stay apart from the
 * service's.
 */
package org.greencredit.spark;
