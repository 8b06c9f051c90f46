/**
 * Population drift: the distribution of every model input and of the score on the training rows,
 * stored beside the model ({@link org.greencredit.models.drift.PopulationReference}), and the
 * population stability index of new data against it, overall and by month
 * ({@link org.greencredit.models.drift.DriftReport}), with levels from a sourced threshold table.
 */
package org.greencredit.models.drift;
