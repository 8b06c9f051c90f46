/**
 * Reference tables (grid and fuel factors, spend factors, industries and benchmarks, crops,
 * parameters), each a CSV resource with a source column, loaded and checked at start-up.
 */
package org.greencredit.datasets.reference;
