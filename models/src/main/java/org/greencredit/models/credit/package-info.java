/** Credit risk: feature extraction, the points scorecard with exact contributions, grades and counterfactuals. */
package org.greencredit.models.credit;
