/** Measurements of the engine on generated populations (detector recall, crop declarations, scorecard by segment), as records for JSON. */
package org.greencredit.engine.reports;
