/** Training and evaluating credit models on a user's own table: WoE binning, Tribuo logistic regression, points, metrics. */
package org.greencredit.models.training;
